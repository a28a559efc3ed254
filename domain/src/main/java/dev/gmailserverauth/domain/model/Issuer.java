package dev.gmailserverauth.domain.model;

import java.net.URI;

/**
 * The identifier of an authorization server, as it names itself in the {@code iss} parameter of its
 * redirects back (RFC 9207); Google's is {@code https://accounts.google.com}.
 */
public record Issuer(String value) {
    public static final Issuer GOOGLE = new Issuer("https://accounts.google.com");

    public Issuer {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("issuer is blank");
        try {
            HttpUrls.requireHttp(URI.create(value), "issuer " + value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("issuer must be an absolute http(s) URL with a host: " + value, e);
        }
    }

    /** RFC 9207: a simple string comparison, no normalisation. */
    public boolean matches(String presented) {
        return value.equals(presented);
    }
}
