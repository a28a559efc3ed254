package dev.gmailserverauth.domain.model;

/** The stable Google account id (userinfo v2 {@code id}); credentials are keyed by it. */
public record UserId(String value) {
    private static final int MAX_LENGTH = 255;

    public UserId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("user id is blank");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("user id is longer than " + MAX_LENGTH);
    }
}
