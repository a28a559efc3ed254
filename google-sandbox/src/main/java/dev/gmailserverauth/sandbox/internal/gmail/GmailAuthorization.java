package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthScopes;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The scope checks of the Gmail read methods: a bearer token that is alive, one of the Gmail read scopes
 * (getProfile also takes {@code gmail.compose}), the caller's own mailbox, and what {@code gmail.metadata}
 * alone does not allow ({@code q}, {@code format=full|raw}).
 */
final class GmailAuthorization {
    private final SandboxState state;

    GmailAuthorization(SandboxState state) {
        this.state = state;
    }

    /** The call to run for the token's owner, or the 401/403 Google answers instead. */
    Admission authorize(ApiRequest request, GmailRoute route, Duration delay) {
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) return new Admission.Answered(GoogleErrors.missingCredentials());
        Optional<OAuthStore.AccessToken> access = state.oauth().accessToken(token.get());
        if (access.isEmpty() && state.delegation().isServiceAccountToken(token.get())) return new Admission.Answered(GoogleErrors.failedPrecondition());
        if (access.isEmpty()) return new Admission.Answered(GoogleErrors.invalidCredentials());
        List<String> scopes = access.get().scopes();
        boolean allowed = OAuthScopes.canReadGmail(scopes)
                || (route.endpoint() == Endpoint.PROFILE && scopes.contains(OAuthScopes.GMAIL_COMPOSE));
        if (!allowed) return new Admission.Answered(GoogleErrors.insufficientScopes(route.rpcName()));
        Account owner = state.accounts().byId(access.get().userId()).orElseThrow();
        if (!route.addresses(owner)) return new Admission.Answered(GoogleErrors.forbidden("Delegation denied for " + owner.email()));
        return new Admission.Ready(new GmailCall(request, route, state.delegation().mailboxOwner(owner), scopes, delay));
    }

    /** {@code gmail.metadata} alone does not allow a search. */
    static void checkQueryAllowed(GmailCall call) {
        if (call.metadataOnly()) throw new RejectedRequest(GoogleErrors.forbidden("Metadata scope does not support 'q' parameter"));
    }

    /** {@code gmail.metadata} alone allows the minimal and metadata formats only. */
    static void checkFormatAllowed(GmailCall call, GmailJson.Format format) {
        if (call.metadataOnly() && (format == GmailJson.Format.FULL || format == GmailJson.Format.RAW)) {
            throw new RejectedRequest(GoogleErrors.forbidden("Metadata scope doesn't allow format " + format.name()));
        }
    }
}
