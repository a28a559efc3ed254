package dev.gmailserverauth.domain.model;

/** A long-lived OAuth 2.0 refresh token, the credential stored for offline access. Secret. */
public record RefreshToken(String value) {
    public RefreshToken {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("refresh token is blank");
    }

    @Override
    public String toString() {
        return "RefreshToken[***]";
    }
}
