package dev.gmailserverauth.domain.model;

/** A short-lived OAuth 2.0 bearer token. Secret: never shown by {@link #toString()}. */
public record AccessToken(String value) {
    public AccessToken {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("access token is blank");
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
