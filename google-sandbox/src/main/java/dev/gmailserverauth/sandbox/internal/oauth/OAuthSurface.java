package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * Google's OAuth surface at Google's paths: the authorization endpoint and its consent screen, the token and
 * revoke endpoints, userinfo, and the Google Account page that lists and removes an app's access.
 */
public final class OAuthSurface {
    private OAuthSurface() {}

    public static void register(RoutesConfig routes, SandboxState state) {
        AuthorizationEndpoint authorization = new AuthorizationEndpoint(state);
        TokenEndpoint token = new TokenEndpoint(state);
        UserinfoEndpoint userinfo = new UserinfoEndpoint(state);
        AccountPermissionsEndpoint account = new AccountPermissionsEndpoint(state, new AppAccessRemoval(state));
        for (String path : List.of("/o/oauth2/v2/auth", "/o/oauth2/auth")) {
            routes.get(path, ctx -> JavalinAdapter.counted(ctx, state, Endpoint.AUTHORIZE, authorization::authorize));
        }
        routes.post(GoogleConsentScreen.DECISION_PATH, ctx -> JavalinAdapter.serve(ctx, authorization::decide));
        routes.post("/token", ctx -> JavalinAdapter.counted(ctx, state, Endpoint.TOKEN, token::token));
        routes.post("/revoke", ctx -> JavalinAdapter.counted(ctx, state, Endpoint.REVOKE, token::revoke));
        for (String path : List.of("/oauth2/v2/userinfo", "/userinfo/v2/me")) {
            routes.get(path, ctx -> JavalinAdapter.counted(ctx, state, Endpoint.USERINFO, userinfo::userinfo));
        }
        routes.get(AccountPermissionsPage.PATH, ctx -> JavalinAdapter.serve(ctx, account::show));
        routes.post(AccountPermissionsPage.REMOVE_PATH, ctx -> JavalinAdapter.serve(ctx, account::remove));
    }
}
