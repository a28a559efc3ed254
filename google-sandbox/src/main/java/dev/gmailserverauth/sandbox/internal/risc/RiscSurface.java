package dev.gmailserverauth.sandbox.internal.risc;

import dev.gmailserverauth.sandbox.internal.IdentityState;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import io.javalin.config.RoutesConfig;

/** Cross-Account Protection at Google's paths: the RISC configuration, the key set, and the stream management API. */
public final class RiscSurface {
    private RiscSurface() {}

    public static void register(RoutesConfig routes, IdentityState identity) {
        RiscEndpoints risc = new RiscEndpoints(identity);
        routes.get(RiscEndpoints.JWKS_PATH, ctx -> JavalinAdapter.serve(ctx, risc::jwks));
        routes.get(RiscEndpoints.CONFIGURATION_PATH, ctx -> JavalinAdapter.serve(ctx, risc::configuration));
        routes.get(RiscEndpoints.STREAM, ctx -> JavalinAdapter.serve(ctx, risc::stream));
        routes.post(RiscEndpoints.STREAM_UPDATE, ctx -> JavalinAdapter.serve(ctx, risc::update));
        routes.post(RiscEndpoints.STREAM_VERIFY, ctx -> JavalinAdapter.serve(ctx, risc::verify));
        routes.get(RiscEndpoints.STATUS, ctx -> JavalinAdapter.serve(ctx, risc::status));
        routes.post(RiscEndpoints.STATUS_UPDATE, ctx -> JavalinAdapter.serve(ctx, risc::updateStatus));
        routes.post(RiscEndpoints.SUBJECTS_ADD, ctx -> JavalinAdapter.serve(ctx, risc::subjects));
        routes.post(RiscEndpoints.SUBJECTS_REMOVE, ctx -> JavalinAdapter.serve(ctx, risc::subjects));
    }
}
