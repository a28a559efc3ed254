package dev.gmailserverauth.sandbox;

import java.util.HashSet;
import java.util.List;

/** How to start a {@link GoogleSandbox}. */
public record SandboxConfig(int port, boolean controlApiEnabled, boolean demoData, long demoSeed, List<SandboxClient> clients) {
    public static final long DEFAULT_SEED = 42L;

    public SandboxConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (clients == null || clients.isEmpty()) throw new IllegalArgumentException("at least one client is needed");
        clients = List.copyOf(clients);
        var ids = new HashSet<String>();
        for (SandboxClient c : clients) {
            if (!ids.add(c.clientId())) throw new IllegalArgumentException("duplicate client id: " + c.clientId());
        }
    }

    /** Port 0 (a free port), control API on, demo data on, seed 42, the default client with these redirect URIs. */
    public static SandboxConfig defaults(List<String> redirectUris) {
        return new SandboxConfig(0, true, true, DEFAULT_SEED, List.of(SandboxClient.defaultClient(redirectUris)));
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, clients);
    }

    public SandboxConfig withControlApi(boolean on) {
        return new SandboxConfig(port, on, demoData, demoSeed, clients);
    }

    public SandboxConfig withDemoData(boolean on) {
        return new SandboxConfig(port, controlApiEnabled, on, demoSeed, clients);
    }

    public SandboxConfig withDemoSeed(long seed) {
        return new SandboxConfig(port, controlApiEnabled, demoData, seed, clients);
    }

    public SandboxConfig withClients(List<SandboxClient> newClients) {
        return new SandboxConfig(port, controlApiEnabled, demoData, demoSeed, newClients);
    }
}
