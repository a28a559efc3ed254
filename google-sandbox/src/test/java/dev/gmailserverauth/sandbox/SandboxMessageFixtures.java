package dev.gmailserverauth.sandbox;

import java.time.Instant;

final class SandboxMessageFixtures {
    private SandboxMessageFixtures() {}

    /** Adds the same message to the first demo account; returns its id. */
    static String addSame(GoogleSandbox sandbox) {
        return sandbox.control().addMessage(sandbox.control().demoAccounts().get(0),
                SandboxMessage.of("x@example.org", "alice@example.com", "Same", Instant.parse("2026-07-01T00:00:00Z"), "same"));
    }
}
