package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the authorization URL must carry. Offline access and incremental scopes are always asked
 * for; {@code forceConsent} adds {@code prompt=consent} so that a refresh token is issued again.
 */
public record AuthorizationRequest(
        AuthorizationState state,
        PkceVerifier verifier,
        RedirectUri redirectUri,
        Scopes scopes,
        Optional<EmailAddress> loginHint,
        boolean forceConsent) {

    public AuthorizationRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(loginHint, "loginHint");
        if (scopes.values().isEmpty()) throw new IllegalArgumentException("no scopes requested");
    }
}
