package dev.gmailserverauth.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which receivers a webhook may go to. Server-side request forgery is how webhook features get abused, so by default
 * only {@code https} to a public address: no loopback, private (RFC 1918), shared (100.64/10), link-local, unique-local
 * IPv6, IPv4-mapped or -compatible IPv6, unspecified, multicast or reserved address, checked on the URL and again on
 * every address its host resolves to right before each delivery (a DNS name may be made to point inside later).
 * {@code allowPrivate} (for development and receivers inside a private network) allows plain {@code http} and every
 * address.
 */
public final class ReceiverAddresses {
    private final boolean allowPrivate;

    public ReceiverAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why the URL may not receive webhooks, judged without resolving its host; empty when it may. */
    public Optional<String> refusal(URI url) {
        if (!url.isAbsolute() || url.isOpaque()) return Optional.of("the URL is not absolute");
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of(allowPrivate ? "the URL is neither https nor http" : "the URL is not https (plain http needs APP_WEBHOOK_ALLOW_PRIVATE=true)");
        }
        if (url.getHost() == null || url.getHost().isBlank()) return Optional.of("the URL has no host");
        if (url.getRawUserInfo() != null) return Optional.of("the URL carries a user name or password");
        if (url.getRawFragment() != null) return Optional.of("the URL has a fragment");
        Optional<InetAddress> literal = literal(url.getHost());
        // Java reads an IPv4-mapped IPv6 literal ([::ffff:a.b.c.d]) as the IPv4 address.
        if (!allowPrivate && url.getHost().startsWith("[") && literal.filter(Inet4Address.class::isInstance).isPresent()) {
            return Optional.of("the URL's address is IPv4-mapped IPv6 (::ffff:0:0/96)");
        }
        return literal.flatMap(this::refusal).map(why -> "the URL's address is " + why);
    }

    /** {@link #refusal(URI)}, then every address the host resolves to now. */
    public Optional<String> refusalAfterResolving(URI url) {
        Optional<String> refusal = refusal(url);
        if (refusal.isPresent() || allowPrivate) return refusal;
        try {
            for (InetAddress address : InetAddress.getAllByName(bare(url.getHost()))) {
                Optional<String> why = refusal(address);
                if (why.isPresent()) return Optional.of(url.getHost() + " resolves to " + address.getHostAddress() + ", " + why.get());
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(url.getHost() + " does not resolve");
        }
    }

    /** Why a receiver may not be at this address; empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowPrivate) return Optional.empty();
        return forbidden(address);
    }

    static Optional<String> forbidden(InetAddress address) {
        if (address.isAnyLocalAddress()) return Optional.of("unspecified (0.0.0.0, ::)");
        if (address.isLoopbackAddress()) return Optional.of("loopback");
        if (address.isLinkLocalAddress()) return Optional.of("link-local");
        if (address.isMulticastAddress()) return Optional.of("multicast");
        if (address instanceof Inet4Address) return forbiddenIpv4(address.getAddress());
        Inet6Address v6 = (Inet6Address) address;
        byte[] bytes = v6.getAddress();
        if ((bytes[0] & 0xfe) == 0xfc) return Optional.of("unique-local (fc00::/7)");
        if ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0) return Optional.of("site-local (fec0::/10)");
        if (v6.isIPv4CompatibleAddress()) return Optional.of("IPv4-compatible IPv6");
        if (isPrefix(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b}, 12)) return Optional.of("NAT64 (64:ff9b::/96)");
        return Optional.empty();
    }

    private static Optional<String> forbiddenIpv4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0) return Optional.of("\"this network\" (0.0.0.0/8)");
        if (first == 10) return Optional.of("private (10.0.0.0/8)");
        if (first == 172 && second >= 16 && second <= 31) return Optional.of("private (172.16.0.0/12)");
        if (first == 192 && second == 168) return Optional.of("private (192.168.0.0/16)");
        if (first == 100 && second >= 64 && second <= 127) return Optional.of("shared address space (100.64.0.0/10)");
        if (first == 192 && second == 0 && (a[2] & 0xff) == 0) return Optional.of("IETF protocol assignments (192.0.0.0/24)");
        if (first == 198 && (second == 18 || second == 19)) return Optional.of("benchmarking (198.18.0.0/15)");
        if (first >= 240) return Optional.of("reserved (240.0.0.0/4)");
        return Optional.empty();
    }

    /** The address a host names literally (an IP address, IPv6 in brackets); empty for a DNS name, which is not looked up here. */
    private static Optional<InetAddress> literal(String host) {
        boolean ipv6 = host.startsWith("[");
        if (!ipv6 && !host.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(bare(host)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isPrefix(byte[] bytes, byte[] start, int zeroesAfter) {
        for (int i = 0; i < start.length; i++) if (bytes[i] != start[i]) return false;
        for (int i = start.length; i < zeroesAfter; i++) if (bytes[i] != 0) return false;
        return true;
    }
}
