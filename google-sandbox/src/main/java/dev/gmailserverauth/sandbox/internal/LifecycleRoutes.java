package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.internal.oauth.AccountPermissionsEndpoint;
import dev.gmailserverauth.sandbox.internal.oauth.AccountPermissionsPage;
import dev.gmailserverauth.sandbox.internal.oauth.AppAccessRemoval;
import dev.gmailserverauth.sandbox.internal.risc.RiscEndpoints;
import io.javalin.config.RoutesConfig;

/** Registers the routes of a grant's life: keys, Cross-Account Protection, and the Google Account page. */
public final class LifecycleRoutes {
    private final RiscEndpoints risc;
    private final AccountPermissionsEndpoint account;

    public LifecycleRoutes(SandboxState state) {
        this.risc = new RiscEndpoints(state.identity());
        this.account = new AccountPermissionsEndpoint(state, new AppAccessRemoval(state));
    }

    public void register(RoutesConfig routes) {
        routes.get(RiscEndpoints.JWKS_PATH, ctx -> JavalinAdapter.serve(ctx, risc::jwks));
        routes.get(RiscEndpoints.CONFIGURATION_PATH, ctx -> JavalinAdapter.serve(ctx, risc::configuration));
        routes.get(RiscEndpoints.STREAM, ctx -> JavalinAdapter.serve(ctx, risc::stream));
        routes.post(RiscEndpoints.STREAM_UPDATE, ctx -> JavalinAdapter.serve(ctx, risc::update));
        routes.post(RiscEndpoints.STREAM_VERIFY, ctx -> JavalinAdapter.serve(ctx, risc::verify));
        routes.get(RiscEndpoints.STATUS, ctx -> JavalinAdapter.serve(ctx, risc::status));
        routes.post(RiscEndpoints.STATUS_UPDATE, ctx -> JavalinAdapter.serve(ctx, risc::updateStatus));
        routes.post(RiscEndpoints.SUBJECTS_ADD, ctx -> JavalinAdapter.serve(ctx, risc::subjects));
        routes.post(RiscEndpoints.SUBJECTS_REMOVE, ctx -> JavalinAdapter.serve(ctx, risc::subjects));
        routes.get(AccountPermissionsPage.PATH, ctx -> JavalinAdapter.serve(ctx, account::show));
        routes.post(AccountPermissionsPage.REMOVE_PATH, ctx -> JavalinAdapter.serve(ctx, account::remove));
    }
}
