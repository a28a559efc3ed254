package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the authorization URL must carry. Offline access and incremental scopes are always asked
 * for; {@code forceConsent} adds {@code prompt=consent} so that a refresh token is issued again;
 * {@code selectAccount} adds {@code prompt=select_account}, Google's account chooser (to link another account).
 * With {@code workspace}, it is Google sign-in only for a person of that Workspace domain: {@link Scopes#SIGN_IN_ONLY},
 * no offline access and no incremental scopes (nothing is kept while the person is away), and {@code hd} as a hint.
 */
public record AuthorizationRequest(
        AuthorizationState state,
        PkceVerifier verifier,
        RedirectUri redirectUri,
        Scopes scopes,
        Optional<EmailAddress> loginHint,
        boolean forceConsent,
        boolean selectAccount,
        Optional<WorkspaceDomain> workspace) {

    public AuthorizationRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(loginHint, "loginHint");
        Objects.requireNonNull(workspace, "workspace");
        if (scopes.values().isEmpty()) throw new IllegalArgumentException("no scopes requested");
        if (workspace.isPresent() && (!scopes.equals(Scopes.SIGN_IN_ONLY) || forceConsent || selectAccount)) {
            throw new IllegalArgumentException("a Workspace sign-in asks for openid email only, with no prompt");
        }
    }

    /** A consent request. */
    public AuthorizationRequest(AuthorizationState state, PkceVerifier verifier, RedirectUri redirectUri, Scopes scopes,
            Optional<EmailAddress> loginHint, boolean forceConsent, boolean selectAccount) {
        this(state, verifier, redirectUri, scopes, loginHint, forceConsent, selectAccount, Optional.empty());
    }

    /** Google sign-in only, for a person of {@code domain}. */
    public static AuthorizationRequest workspaceSignIn(AuthorizationState state, PkceVerifier verifier, RedirectUri redirectUri,
            WorkspaceDomain domain) {
        return new AuthorizationRequest(state, verifier, redirectUri, Scopes.SIGN_IN_ONLY, Optional.empty(), false, false, Optional.of(domain));
    }

    /** Whether the grant is to work while the person is away ({@code access_type=offline}, a refresh token). */
    public boolean offline() {
        return workspace.isEmpty();
    }

    /** A request without the account chooser. */
    public AuthorizationRequest(AuthorizationState state, PkceVerifier verifier, RedirectUri redirectUri, Scopes scopes,
            Optional<EmailAddress> loginHint, boolean forceConsent) {
        this(state, verifier, redirectUri, scopes, loginHint, forceConsent, false, Optional.empty());
    }

    /** The {@code prompt} parameter's values, space-separated as OpenID Connect defines it; empty for none. */
    public String prompt() {
        return selectAccount && forceConsent ? "select_account consent" : selectAccount ? "select_account" : forceConsent ? "consent" : "";
    }
}
