package dev.gmailserverauth.sandbox.internal.oauth;

import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.FaultResponses;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.util.List;
import java.util.Optional;

/** OAuth2 v2 userinfo: {@code GET /oauth2/v2/userinfo} and {@code GET /userinfo/v2/me}. */
final class UserinfoEndpoint {
    private final SandboxState state;

    UserinfoEndpoint(SandboxState state) {
        this.state = state;
    }

    public ApiResponse userinfo(ApiRequest request) {
        Optional<ApiResponse> faulted = state.faults().nextFault(Endpoint.USERINFO)
                .flatMap(f -> FaultResponses.apply(f, FaultResponses.Style.GOOGLE_API));
        if (faulted.isPresent()) return faulted.get();
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) return GoogleErrors.missingCredentials();
        Optional<OAuthStore.AccessToken> access = state.oauth().accessToken(token.get());
        if (access.isEmpty()) return GoogleErrors.invalidCredentials();
        List<String> scopes = access.get().scopes();
        boolean email = scopes.contains(OAuthScopes.EMAIL);
        boolean profile = scopes.contains(OAuthScopes.PROFILE);
        if (!email && !profile) return GoogleErrors.invalidCredentials();  // Google: 401 without a userinfo scope (unverified)
        Account account = state.accounts().byId(access.get().userId()).orElseThrow();
        JsonObject o = new JsonObject();
        o.addProperty("id", account.id());
        if (email) {
            o.addProperty("email", account.email());
            o.addProperty("verified_email", true);
        }
        if (profile) {
            o.addProperty("name", account.displayName());
            o.addProperty("given_name", account.givenName());
            if (!account.familyName().isEmpty()) o.addProperty("family_name", account.familyName());
        }
        if (profile) o.addProperty("locale", "en");
        state.identity().workspace().hostedDomain(account.id()).ifPresent(hd -> o.addProperty("hd", hd));
        return ApiResponse.json(200, o);
    }
}
