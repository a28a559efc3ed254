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
    CREDENTIALS_REVOKED(true),
    /**
     * The time-limited access the person granted has ended ({@code refresh_token_expires_in} has passed; for a
     * client in Google's "Testing" status, after 7 days): no refresh is tried, only a new consent helps.
     */
    TIME_LIMITED_ACCESS_ENDED(true),
    /**
     * A Workspace policy wants the person to sign in again ({@code invalid_grant}, {@code invalid_rapt}). The
     * grant is not revoked: passing Google's sign-in is enough, the stored refresh token keeps working.
     */
    REAUTHENTICATION_REQUIRED(false),
    /** Redirect error {@code invalid_scope}: Google refused a scope this app asked for. */
    INVALID_SCOPE(false),
    /** Redirect error {@code unauthorized_client}: this OAuth client may not use this flow. */
    UNAUTHORIZED_CLIENT(false),
    /** Redirect error {@code server_error}: Google failed while handling the sign-in. */
    SERVER_ERROR(false),
    /** Redirect error {@code temporarily_unavailable}: Google is overloaded or down for maintenance. */
    TEMPORARILY_UNAVAILABLE(false),
    /** Redirect error {@code login_required} ({@code prompt=none}): the person is not signed in to Google. */
    LOGIN_REQUIRED(false),
    /** Redirect error {@code consent_required} ({@code prompt=none}): Google must show its consent screen. */
    CONSENT_REQUIRED(true),
    /** Redirect error {@code interaction_required} ({@code prompt=none}): Google needs the person to do something. */
    INTERACTION_REQUIRED(false),
    /** Any other error code in the redirect back (for example {@code invalid_request}). */
    AUTHORIZATION_ERROR(false);

    private final boolean needsNewRefreshToken;

    ConsentReason(boolean needsNewRefreshToken) {
        this.needsNewRefreshToken = needsNewRefreshToken;
    }

    /** The reason for an {@code error} parameter of the redirect back (RFC 6749 section 4.1.2.1, OpenID Connect). */
    public static ConsentReason ofRedirectError(String error) {
        return switch (error) {
            case "access_denied" -> ACCESS_DENIED;
            case "invalid_scope" -> INVALID_SCOPE;
            case "unauthorized_client" -> UNAUTHORIZED_CLIENT;
            case "server_error" -> SERVER_ERROR;
            case "temporarily_unavailable" -> TEMPORARILY_UNAVAILABLE;
            case "login_required" -> LOGIN_REQUIRED;
            case "consent_required" -> CONSENT_REQUIRED;
            case "interaction_required" -> INTERACTION_REQUIRED;
            default -> AUTHORIZATION_ERROR;
        };
    }

    /**
     * Whether the way back must force the consent screen ({@code prompt=consent}), because only a new
     * consent makes Google issue a new refresh token.
     */
    public boolean needsNewRefreshToken() {
        return needsNewRefreshToken;
    }
}
