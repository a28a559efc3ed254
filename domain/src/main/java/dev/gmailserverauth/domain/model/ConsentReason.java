package dev.gmailserverauth.domain.model;

/**
 * Why the user has to go (back) through the consent screen: the error cases of Google's original
 * "Implementing server-side authorization" guide, and the ones it left out.
 */
public enum ConsentReason {
    /** Nothing is stored for this user yet. */
    NOT_AUTHORIZED(false),
    /** The user declined on the consent screen ({@code error=access_denied}). */
    ACCESS_DENIED(false),
    /** The code exchange failed (reused, expired or malformed code; PKCE mismatch). */
    CODE_EXCHANGE_FAILED(false),
    /** No refresh token came back and none is stored: ask again with {@code prompt=consent}. */
    NO_REFRESH_TOKEN(true),
    /** The provider did not say who the user is. */
    NO_USER_ID(false),
    /** The user left the Gmail scope unticked, or the grant lacks it. */
    INSUFFICIENT_SCOPE(true),
    /** The refresh token was revoked or expired ({@code invalid_grant}, or 401 after one refresh). */
    CREDENTIALS_REVOKED(true);

    private final boolean needsNewRefreshToken;

    ConsentReason(boolean needsNewRefreshToken) {
        this.needsNewRefreshToken = needsNewRefreshToken;
    }

    /**
     * Whether the way back must force the consent screen ({@code prompt=consent}), because only a new
     * consent makes Google issue a new refresh token.
     */
    public boolean needsNewRefreshToken() {
        return needsNewRefreshToken;
    }
}
