package dev.gmailserverauth.google.risc;

import dev.gmailserverauth.domain.model.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the security event verifier needs: the issuer whose tokens it trusts, where that issuer's
 * {@code risc-configuration} is (the key set's URL is read from it), the audience (this application's
 * OAuth client id), time-outs, and how the key set is cached.
 *
 * @param issuer                 the {@code iss} every token must carry, and the {@code issuer} of the configuration
 *                               document (Google: {@code https://accounts.google.com/}, with the slash)
 * @param discoveryUrl           the issuer's {@code /.well-known/risc-configuration}
 * @param audience               the client id tokens must be addressed to ({@code aud})
 * @param keySetCacheTtl         how long a fetched key set is used before it is fetched again
 * @param keySetRefetchInterval  the least time between two fetches of the key set (a token with an unknown
 *                               key id triggers one): keeps forged key ids from making us hammer the issuer,
 *                               in every mode (a test moves the verifier's clock rather than turning it off)
 */
public record RiscConfig(
        URI issuer,
        URI discoveryUrl,
        String audience,
        Duration connectTimeout,
        Duration readTimeout,
        Duration keySetCacheTtl,
        Duration keySetRefetchInterval) {

    /** Google's RISC issuer, as its configuration document and its tokens spell it. */
    public static final URI GOOGLE_ISSUER = URI.create("https://accounts.google.com/");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEY_SET_CACHE_TTL = Duration.ofMinutes(15);
    public static final Duration DEFAULT_KEY_SET_REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final String DISCOVERY_PATH = ".well-known/risc-configuration";

    public RiscConfig {
        HttpUrls.requireHttp(issuer, "RISC issuer");
        HttpUrls.requireHttp(discoveryUrl, "RISC discovery url");
        if (audience == null || audience.isBlank()) throw new IllegalArgumentException("RISC audience (client id) is blank");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        requirePositive(keySetCacheTtl, "key set cache time-to-live");
        requirePositive(keySetRefetchInterval, "key set refetch interval");
        if (keySetRefetchInterval.compareTo(keySetCacheTtl) >= 0) {
            throw new IllegalArgumentException("key set refetch interval must be shorter than the key set cache time-to-live");
        }
    }

    /** Google's issuer and its discovery document, for this client id. */
    public static RiscConfig forGoogle(String clientId) {
        return forIssuer(GOOGLE_ISSUER, clientId);
    }

    /** An issuer whose configuration document is at {@code <issuer>/.well-known/risc-configuration}. */
    public static RiscConfig forIssuer(URI issuer, String clientId) {
        return new RiscConfig(issuer, discoveryUrlOf(issuer), clientId, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_KEY_SET_CACHE_TTL, DEFAULT_KEY_SET_REFETCH_INTERVAL);
    }

    /** Where an issuer publishes its RISC configuration. */
    public static URI discoveryUrlOf(URI issuer) {
        return HttpUrls.withTrailingSlash(issuer).resolve(DISCOVERY_PATH);
    }

    public RiscConfig withDiscoveryUrl(URI url) {
        return new RiscConfig(issuer, url, audience, connectTimeout, readTimeout, keySetCacheTtl, keySetRefetchInterval);
    }

    public RiscConfig withTimeouts(Duration connect, Duration read) {
        return new RiscConfig(issuer, discoveryUrl, audience, connect, read, keySetCacheTtl, keySetRefetchInterval);
    }

    public RiscConfig withKeySetCaching(Duration cacheTtl, Duration refetchInterval) {
        return new RiscConfig(issuer, discoveryUrl, audience, connectTimeout, readTimeout, cacheTtl, refetchInterval);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive");
    }
}
