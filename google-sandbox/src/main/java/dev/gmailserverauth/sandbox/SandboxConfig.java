package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a {@link GoogleSandbox}.
 *
 * @param workspaceReauthEvery the session control of the managed demo account {@link SandboxWorkspacePolicy#DEMO_ACCOUNT}
 *                             (seeded with the demo data): sign in again this long after passing the authorization endpoint
 * @param limits Gmail's per-user quota and concurrency limits to play ({@link SandboxLimits#google()} by default)
 * @param observed behaviour reported from real Google but not documented, to play as well (none by default: the
 *                 sandbox plays what Google documents)
 */
public record SandboxConfig(int port, boolean controlApiEnabled, boolean demoData, long demoSeed, List<SandboxClient> clients,
                            Duration workspaceReauthEvery, SandboxLimits limits, Set<SandboxObservation> observed) {
    public static final long DEFAULT_SEED = 42L;

    public SandboxConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (clients == null || clients.isEmpty()) throw new IllegalArgumentException("at least one client is needed");
        clients = List.copyOf(clients);
        var ids = new HashSet<String>();
        for (SandboxClient c : clients) {
            if (!ids.add(c.clientId())) throw new IllegalArgumentException("duplicate client id: " + c.clientId());
        }
        Objects.requireNonNull(workspaceReauthEvery, "workspaceReauthEvery");
        if (workspaceReauthEvery.isNegative() || workspaceReauthEvery.isZero()) {
            throw new IllegalArgumentException("workspaceReauthEvery must be positive");
        }
        if (limits == null) throw new IllegalArgumentException("limits are null (use SandboxLimits.unlimited() to switch them off)");
        observed = Set.copyOf(Objects.requireNonNull(observed, "observed"));
    }

    /** Playing only what Google documents. */
    public SandboxConfig(int port, boolean controlApiEnabled, boolean demoData, long demoSeed, List<SandboxClient> clients,
                         Duration workspaceReauthEvery, SandboxLimits limits) {
        this(port, controlApiEnabled, demoData, demoSeed, clients, workspaceReauthEvery, limits, Set.of());
    }

    /** With Google's limits ({@link SandboxLimits#google()}). */
    public SandboxConfig(int port, boolean controlApiEnabled, boolean demoData, long demoSeed, List<SandboxClient> clients,
                         Duration workspaceReauthEvery) {
        this(port, controlApiEnabled, demoData, demoSeed, clients, workspaceReauthEvery, SandboxLimits.google());
    }

    /** With the default re-authentication interval and Google's limits. */
    public SandboxConfig(int port, boolean controlApiEnabled, boolean demoData, long demoSeed, List<SandboxClient> clients) {
        this(port, controlApiEnabled, demoData, demoSeed, clients, SandboxWorkspacePolicy.DEFAULT_REAUTH_EVERY);
    }

    /**
     * Port 0 (a free port), control API on, demo data on, seed 42, the default client with these redirect URIs,
     * the managed demo account asked to sign in again every hour, Google's per-user limits on
     * ({@link SandboxLimits#google()}: 15,000 units/user/minute, 50 concurrent requests), no observed-only behaviour.
     */
    public static SandboxConfig defaults(List<String> redirectUris) {
        return new SandboxConfig(0, true, true, DEFAULT_SEED, List.of(SandboxClient.defaultClient(redirectUris)),
                SandboxWorkspacePolicy.DEFAULT_REAUTH_EVERY, SandboxLimits.google(), Set.of());
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, clients, workspaceReauthEvery, limits, observed);
    }

    public SandboxConfig withControlApi(boolean on) {
        return new SandboxConfig(port, on, demoData, demoSeed, clients, workspaceReauthEvery, limits, observed);
    }

    public SandboxConfig withDemoData(boolean on) {
        return new SandboxConfig(port, controlApiEnabled, on, demoSeed, clients, workspaceReauthEvery, limits, observed);
    }

    public SandboxConfig withDemoSeed(long seed) {
        return new SandboxConfig(port, controlApiEnabled, demoData, seed, clients, workspaceReauthEvery, limits, observed);
    }

    public SandboxConfig withClients(List<SandboxClient> newClients) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, newClients, workspaceReauthEvery, limits, observed);
    }

    public SandboxConfig withWorkspaceReauthEvery(Duration interval) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, clients, interval, limits, observed);
    }

    /** Also plays these observed (undocumented) behaviours of Google's. */
    public SandboxConfig withObserved(SandboxObservation... observations) {
        Set<SandboxObservation> all = new HashSet<>(observed);
        all.addAll(List.of(observations));
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, clients, workspaceReauthEvery, limits, all);
    }

    /** Gmail's per-user limits to play, e.g. {@link SandboxLimits#newProject()} or {@link SandboxLimits#unlimited()}. */
    public SandboxConfig withLimits(SandboxLimits newLimits) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, clients, workspaceReauthEvery, newLimits, observed);
    }
}
