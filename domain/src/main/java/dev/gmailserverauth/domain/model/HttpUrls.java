package dev.gmailserverauth.domain.model;

import java.net.URI;
import java.util.Locale;

/**
 * The one check of "an absolute http(s) URL with a host", and the trailing-slash rules, for every
 * module that takes a URL from configuration, a file or a provider.
 */
public final class HttpUrls {
    private HttpUrls() {
    }

    /** Whether {@code uri} is absolute, http or https, and names a host. */
    public static boolean isHttp(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) return false;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** {@code uri} itself, or an {@link IllegalArgumentException} saying that {@code what} must be an absolute http(s) URL. */
    public static URI requireHttp(URI uri, String what) {
        if (!isHttp(uri)) throw new IllegalArgumentException(what + " must be an absolute http(s) URL with a host");
        return uri;
    }

    /** The URL with exactly one trailing slash, as a root that relative paths resolve under. */
    public static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    /** The URL without a trailing slash, as a base that absolute paths are appended to. */
    public static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
