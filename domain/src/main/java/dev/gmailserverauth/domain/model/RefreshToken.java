package dev.gmailserverauth.domain.model;

/** A long-lived OAuth 2.0 refresh token, the credential stored for offline access. Secret. */
public record RefreshToken(String value) {
    public RefreshToken {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("refresh token is blank");
    }

    /** The first characters, as Google names the token in a {@code token-revoked} security event. */
    public RefreshTokenPrefix prefix() {
        return new RefreshTokenPrefix(value.substring(0, Math.min(value.length(), RefreshTokenPrefix.LENGTH)));
    }

    /** True when this token is the one a {@code token-revoked} event names by its prefix. */
    public boolean startsWith(RefreshTokenPrefix prefix) {
        return value.startsWith(prefix.value());
    }

    @Override
    public String toString() {
        return "RefreshToken[***]";
    }
}
