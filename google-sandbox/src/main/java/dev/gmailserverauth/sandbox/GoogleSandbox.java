package dev.gmailserverauth.sandbox;

import dev.gmailserverauth.sandbox.internal.IdentityState;
import dev.gmailserverauth.sandbox.internal.SandboxServer;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.control.InMemoryControl;
import dev.gmailserverauth.sandbox.internal.demo.DemoData;
import dev.gmailserverauth.sandbox.internal.serviceaccount.InMemoryDelegationControl;
import dev.gmailserverauth.sandbox.internal.serviceaccount.WorkspaceDemo;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, fault-injecting stand-in for Google's OAuth 2.0, userinfo v2, Gmail v1 and batch endpoints,
 * all at Google's paths under {@link #baseUrl()}.
 */
public final class GoogleSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleSandbox.class);
    private static final String HOST = "127.0.0.1";

    private final Javalin app;
    private final SandboxControl control;
    private final URI baseUrl;
    private final IdentityState identity;
    private final SandboxDelegation delegation;

    private GoogleSandbox(Javalin app, SandboxControl control, URI baseUrl, IdentityState identity, SandboxDelegation delegation) {
        this.delegation = delegation;
        this.app = app;
        this.control = control;
        this.baseUrl = baseUrl;
        this.identity = identity;
    }

    /** Starts on {@code config.port()} (0 = a free port), seeded per config. */
    public static GoogleSandbox start(SandboxConfig config) {
        SandboxState state = new SandboxState(config.demoSeed(), config.clients(), config.limits(), config.observed());
        if (config.demoData()) DemoData.seed(state, config.demoSeed(), config.workspaceReauthEvery());
        if (config.port() != 0) state.identity().issuer().listeningAt(URI.create("http://" + HOST + ":" + config.port()));
        SandboxControl control = new InMemoryControl(state, config.demoData() ? DemoData.ACCOUNTS : List.of());
        AtomicReference<URI> listening = new AtomicReference<>(URI.create("http://" + HOST + ":" + config.port()));
        SandboxDelegation delegation = new InMemoryDelegationControl(state, state.delegation(), () -> listening.get() + "/token");
        if (config.demoData()) WorkspaceDemo.seed(state, delegation);
        Javalin app = SandboxServer.create(state, control, config.controlApiEnabled(), delegation).start(HOST, config.port());
        state.fillInBackground();
        URI baseUrl = URI.create("http://" + HOST + ":" + app.port());
        state.identity().issuer().listeningAt(baseUrl);
        listening.set(baseUrl);
        LOG.info("Google sandbox listening on {} (control API {})", baseUrl, config.controlApiEnabled() ? "on" : "off");
        return new GoogleSandbox(app, control, baseUrl, state.identity(), delegation);
    }

    /** E.g. {@code http://127.0.0.1:41234}, no trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The Java face of the control API (works whether or not the HTTP control API is enabled). */
    public SandboxControl control() {
        return control;
    }

    /** The Workspace side: the demo service account, the demo domain, its Admin console (domain-wide delegation). */
    public SandboxDelegation delegation() {
        return delegation;
    }

    @Override
    public void close() {
        app.stop();
        identity.close();
    }
}
