package dev.gmailserverauth.domain.model;

/** Why the user has to go (back) through the consent screen: the seed's error cases. */
public enum ConsentReason {
    /** Nothing is stored for this user yet. */
    NOT_AUTHORIZED,
    /** The user declined on the consent screen ({@code error=access_denied}). */
    ACCESS_DENIED,
    /** The code exchange failed (reused, expired or malformed code; PKCE mismatch). */
    CODE_EXCHANGE_FAILED,
    /** No refresh token came back and none is stored: ask again with {@code prompt=consent}. */
    NO_REFRESH_TOKEN,
    /** The provider did not say who the user is. */
    NO_USER_ID,
    /** The user left the Gmail scope unticked, or the grant lacks it. */
    INSUFFICIENT_SCOPE,
    /** The refresh token was revoked or expired ({@code invalid_grant}, or 401 after one refresh). */
    CREDENTIALS_REVOKED
}
