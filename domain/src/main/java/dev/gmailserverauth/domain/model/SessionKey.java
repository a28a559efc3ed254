package dev.gmailserverauth.domain.model;

/** The stored form of a session token: its SHA-256, 64 hex characters. A leaked store reveals no live cookie. */
public record SessionKey(String value) {
    public SessionKey {
        if (value == null || !value.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("session key is malformed");
    }
}
