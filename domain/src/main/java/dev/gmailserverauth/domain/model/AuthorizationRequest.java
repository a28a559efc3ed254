package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the authorization URL must carry. Offline access and incremental scopes are always asked
 * for; {@code forceConsent} adds {@code prompt=consent} so that a refresh token is issued again;
 * {@code selectAccount} adds {@code prompt=select_account}, Google's account chooser (to link another account).
 */
public record AuthorizationRequest(
        AuthorizationState state,
        PkceVerifier verifier,
        RedirectUri redirectUri,
        Scopes scopes,
        Optional<EmailAddress> loginHint,
        boolean forceConsent,
        boolean selectAccount) {

    public AuthorizationRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(loginHint, "loginHint");
        if (scopes.values().isEmpty()) throw new IllegalArgumentException("no scopes requested");
    }

    /** A request without the account chooser. */
    public AuthorizationRequest(AuthorizationState state, PkceVerifier verifier, RedirectUri redirectUri, Scopes scopes,
            Optional<EmailAddress> loginHint, boolean forceConsent) {
        this(state, verifier, redirectUri, scopes, loginHint, forceConsent, false);
    }

    /** The {@code prompt} parameter's values, space-separated as OpenID Connect defines it; empty for none. */
    public String prompt() {
        return selectAccount && forceConsent ? "select_account consent" : selectAccount ? "select_account" : forceConsent ? "consent" : "";
    }
}
