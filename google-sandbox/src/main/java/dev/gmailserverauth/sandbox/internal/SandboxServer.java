package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.internal.batch.BatchEndpoint;
import dev.gmailserverauth.sandbox.internal.control.ControlSurface;
import dev.gmailserverauth.sandbox.internal.gmail.GmailApi;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthSurface;
import dev.gmailserverauth.sandbox.internal.risc.RiscSurface;
import dev.gmailserverauth.sandbox.SandboxDelegation;
import dev.gmailserverauth.sandbox.internal.serviceaccount.DelegationRoutes;
import dev.gmailserverauth.sandbox.internal.history.HistoryControlRoutes;
import dev.gmailserverauth.sandbox.internal.pubsub.PubSubControlRoutes;
import dev.gmailserverauth.sandbox.internal.pubsub.PubSubRoutes;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;

/**
 * Builds the (unstarted) Javalin app that serves every sandbox endpoint at Google's paths. Each Google surface
 * registers its own routes (OAuth, Gmail, batch, RISC); the control API comes last, when enabled.
 */
public final class SandboxServer {
    private SandboxServer() {}

    public static Javalin create(SandboxState state, SandboxControl control, boolean controlApi, SandboxDelegation delegation) {
        GmailApi gmail = new GmailApi(state);
        BatchEndpoint batch = new BatchEndpoint(state, gmail);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 16L * 1024 * 1024;
            config.events.serverStopped(batch::close);
            config.events.serverStopped(state.pubSub()::close);
            RoutesConfig routes = config.routes;
            routes.before(ctx -> {
                if (!ctx.path().startsWith(ControlSurface.PREFIX)) FaultResponses.sleep(state.faults().latency().toMillis());
            });
            OAuthSurface.register(routes, state);
            gmail.register(routes);
            batch.register(routes);
            RiscSurface.register(routes, state.identity());
            if (controlApi) ControlSurface.register(routes, control);
            new DelegationRoutes(state, state.delegation(), delegation).register(routes, controlApi);
            HistoryControlRoutes history = new HistoryControlRoutes(control);
            if (controlApi) history.register(routes);
            history.registerDemoPage(routes);
            if (controlApi) new PubSubControlRoutes(control.pubSub()).register(routes);
            new PubSubRoutes(state.pubSub(), state.faults()).register(routes);
        });
    }
}
