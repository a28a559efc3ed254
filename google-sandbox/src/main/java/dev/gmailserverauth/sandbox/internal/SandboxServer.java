package dev.gmailserverauth.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.internal.history.HistoryControlRoutes;
import dev.gmailserverauth.sandbox.internal.pubsub.PubSubControlRoutes;
import dev.gmailserverauth.sandbox.internal.pubsub.PubSubRoutes;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Builds the (unstarted) Javalin app that serves every sandbox endpoint at Google's paths. */
public final class SandboxServer {
    private SandboxServer() {}

    public static Javalin create(SandboxState state, SandboxControl control, boolean controlApi) {
        GmailApi gmail = new GmailApi(state);
        AuthorizationEndpoint authorization = new AuthorizationEndpoint(state);
        TokenEndpoint token = new TokenEndpoint(state, new IdTokens(state.clock(), state.identity()));
        BatchEndpoint batch = new BatchEndpoint(state, gmail);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 16L * 1024 * 1024;
            config.events.serverStopped(batch::close);
            config.events.serverStopped(state.pubSub()::close);
            RoutesConfig routes = config.routes;
            routes.before(ctx -> {
                if (!ctx.path().startsWith(ControlRoutes.PREFIX)) FaultResponses.sleep(state.faults().latency().toMillis());
            });
            for (String path : List.of("/o/oauth2/v2/auth", "/o/oauth2/auth")) {
                routes.get(path, ctx -> counted(ctx, state, Endpoint.AUTHORIZE, authorization::authorize));
            }
            routes.post(GoogleConsentScreen.DECISION_PATH, ctx -> JavalinAdapter.serve(ctx, authorization::decide));
            routes.post("/token", ctx -> counted(ctx, state, Endpoint.TOKEN, token::token));
            routes.post("/revoke", ctx -> counted(ctx, state, Endpoint.REVOKE, token::revoke));
            for (String path : List.of("/oauth2/v2/userinfo", "/userinfo/v2/me")) {
                routes.get(path, ctx -> counted(ctx, state, Endpoint.USERINFO,
                        r -> new UserinfoEndpoint(state, baseUrl(ctx) + "/a/").userinfo(r)));
            }
            routes.get("/gmail/v1/*", ctx -> {
                Optional<Endpoint> endpoint = GmailRoute.endpointOf("GET", ctx.path());
                endpoint.ifPresent(state.faults()::roundTrip);
                JavalinAdapter.serve(ctx, gmail::handle);
            });
            routes.post("/gmail/v1/*", ctx -> {
                Optional<Endpoint> endpoint = GmailRoute.endpointOf("POST", ctx.path());
                endpoint.ifPresent(state.faults()::roundTrip);
                JavalinAdapter.serve(ctx, gmail::handle);
            });
            for (String path : List.of("/batch", "/batch/gmail/v1")) {
                routes.post(path, ctx -> counted(ctx, state, Endpoint.BATCH, batch::batch));
            }
            routes.get("/.well-known/openid-configuration", ctx -> JavalinAdapter.write(ctx, ApiResponse.json(200, discovery(baseUrl(ctx), state.identity().issuer().oidc()))));
            routes.get("/a/{avatar}", ctx -> avatar(ctx, state));
            new LifecycleRoutes(state).register(routes);
            if (controlApi) new ControlRoutes(control).register(routes);
            if (controlApi) new LifecycleControlRoutes(control).register(routes);
            if (controlApi) new HistoryControlRoutes(control).register(routes);
            if (controlApi) new PubSubControlRoutes(control.pubSub()).register(routes);
            new PubSubRoutes(state.pubSub(), state.faults()).register(routes);
        });
    }

    private static void counted(Context ctx, SandboxState state, Endpoint endpoint, java.util.function.Function<ApiRequest, ApiResponse> handler) {
        state.faults().roundTrip(endpoint);
        JavalinAdapter.serve(ctx, handler);
    }

    private static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    /** The OpenID discovery document with the sandbox's own URLs in Google's field names. */
    static JsonObject discovery(String base, String issuer) {
        JsonObject o = new JsonObject();
        o.addProperty("issuer", issuer);
        o.addProperty("authorization_endpoint", base + "/o/oauth2/v2/auth");
        o.addProperty("token_endpoint", base + "/token");
        o.addProperty("userinfo_endpoint", base + "/oauth2/v2/userinfo");
        o.addProperty("revocation_endpoint", base + "/revoke");
        o.addProperty("jwks_uri", base + "/oauth2/v3/certs");
        o.add("response_types_supported", array("code"));
        o.add("subject_types_supported", array("public"));
        o.add("id_token_signing_alg_values_supported", array("RS256"));
        o.add("scopes_supported", array("openid", "email", "profile"));
        o.add("token_endpoint_auth_methods_supported", array("client_secret_post", "client_secret_basic"));
        o.add("claims_supported", array("aud", "email", "email_verified", "exp", "family_name", "given_name", "iat", "iss", "name", "sub"));
        o.add("code_challenge_methods_supported", array("plain", "S256"));
        o.add("grant_types_supported", array("authorization_code", "refresh_token"));
        return o;
    }

    private static JsonArray array(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) a.add(v);
        return a;
    }

    /** A small SVG with the account's initial, so the userinfo {@code picture} works offline. */
    private static void avatar(Context ctx, SandboxState state) {
        String id = ctx.pathParam("avatar").replaceAll("=.*", "");
        Optional<Account> account = state.accounts().byId(id);
        if (account.isEmpty()) {
            JavalinAdapter.write(ctx, GoogleErrors.notFound());
            return;
        }
        String initial = GoogleConsentScreen.escape(account.get().displayName().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\"><circle cx=\"48\" cy=\"48\" r=\"48\" fill=\"#4a86e8\"/>"
                + "<text x=\"48\" y=\"62\" font-size=\"44\" text-anchor=\"middle\" fill=\"#fff\" font-family=\"sans-serif\">" + initial + "</text></svg>";
        ctx.contentType("image/svg+xml").result(svg);
    }
}
