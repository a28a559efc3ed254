package dev.gmailserverauth.domain.model;

/** The one-time authorization code from the redirect back. Secret. */
public record AuthorizationCode(String value) {
    private static final int MAX_LENGTH = 2048;

    public AuthorizationCode {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("authorization code is missing");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("authorization code is too long");
    }

    @Override
    public String toString() {
        return "AuthorizationCode[***]";
    }
}
