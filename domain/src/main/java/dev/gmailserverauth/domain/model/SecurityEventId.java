package dev.gmailserverauth.domain.model;

/** The {@code jti} of a security event token: unique per token, how a replay is recognised. */
public record SecurityEventId(String value) {
    public static final int MAX_LENGTH = 256;

    public SecurityEventId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("security event id (jti) is blank");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("security event id (jti) is longer than " + MAX_LENGTH);
        if (!value.chars().allMatch(c -> c >= ' ' && c < 127)) throw new IllegalArgumentException("security event id (jti) is not printable ASCII");
    }
}
