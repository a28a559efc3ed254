package dev.gmailserverauth.planted.bootstrap;

import dev.gmailserverauth.planted.sandbox.internal.SandboxInternals;

/** Planted violation: code outside the sandbox reaching past its public API into {@code sandbox.internal}. */
public final class WiringThatReachesIntoTheSandbox {
    public String peek() {
        return SandboxInternals.state();
    }
}
