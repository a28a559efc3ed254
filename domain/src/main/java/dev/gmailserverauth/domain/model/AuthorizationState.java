package dev.gmailserverauth.domain.model;

/** The OAuth 2.0 {@code state}: binds a callback to the request this server made (CSRF defence). */
public record AuthorizationState(String value) {
    private static final int MIN_LENGTH = 22;
    private static final int MAX_LENGTH = 128;

    public AuthorizationState {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("state is missing");
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH || !RandomTokens.isUrlSafe(value)) {
            throw new IllegalArgumentException("state is malformed");
        }
    }

    public static AuthorizationState random() {
        return new AuthorizationState(RandomTokens.urlSafe(32));
    }

    @Override
    public String toString() {
        return "AuthorizationState[" + value.substring(0, 4) + "…]";
    }
}
