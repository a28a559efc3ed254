package dev.gmailserverauth.sandbox;

import java.util.HashSet;
import java.util.List;

/** How to start a {@link GoogleSandbox}. */
public record SandboxConfig(int port, boolean controlApiEnabled, boolean demoData, long demoSeed, List<SandboxClient> clients,
                            SandboxLimits limits) {
    public static final long DEFAULT_SEED = 42L;

    public SandboxConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (clients == null || clients.isEmpty()) throw new IllegalArgumentException("at least one client is needed");
        clients = List.copyOf(clients);
        if (limits == null) throw new IllegalArgumentException("limits are null (use SandboxLimits.unlimited() to switch them off)");
        var ids = new HashSet<String>();
        for (SandboxClient c : clients) {
            if (!ids.add(c.clientId())) throw new IllegalArgumentException("duplicate client id: " + c.clientId());
        }
    }

    /** With Google's limits ({@link SandboxLimits#google()}). */
    public SandboxConfig(int port, boolean controlApiEnabled, boolean demoData, long demoSeed, List<SandboxClient> clients) {
        this(port, controlApiEnabled, demoData, demoSeed, clients, SandboxLimits.google());
    }

    /**
     * Port 0 (a free port), control API on, demo data on, seed 42, the default client with these redirect URIs,
     * Google's per-user limits on ({@link SandboxLimits#google()}: 15,000 units/user/minute, 50 concurrent requests).
     */
    public static SandboxConfig defaults(List<String> redirectUris) {
        return new SandboxConfig(0, true, true, DEFAULT_SEED, List.of(SandboxClient.defaultClient(redirectUris)), SandboxLimits.google());
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, clients, limits);
    }

    public SandboxConfig withControlApi(boolean on) {
        return new SandboxConfig(port, on, demoData, demoSeed, clients, limits);
    }

    public SandboxConfig withDemoData(boolean on) {
        return new SandboxConfig(port, controlApiEnabled, on, demoSeed, clients, limits);
    }

    public SandboxConfig withDemoSeed(long seed) {
        return new SandboxConfig(port, controlApiEnabled, demoData, seed, clients, limits);
    }

    public SandboxConfig withClients(List<SandboxClient> newClients) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, newClients, limits);
    }

    /** Gmail's per-user limits to play, e.g. {@link SandboxLimits#newProject()} or {@link SandboxLimits#unlimited()}. */
    public SandboxConfig withLimits(SandboxLimits newLimits) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, clients, newLimits);
    }
}
