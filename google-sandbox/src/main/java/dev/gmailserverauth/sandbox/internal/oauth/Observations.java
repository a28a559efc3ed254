package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.SandboxObservation;
import java.util.EnumSet;
import java.util.Set;

/** Which observed (undocumented) behaviours the sandbox plays now; none unless turned on. Thread-safe. */
public final class Observations {
    private final Set<SandboxObservation> on = EnumSet.noneOf(SandboxObservation.class);

    public Observations(Set<SandboxObservation> initially) {
        on.addAll(initially);
    }

    public synchronized void set(SandboxObservation observation, boolean enabled) {
        if (enabled) on.add(observation);
        else on.remove(observation);
    }

    public synchronized boolean plays(SandboxObservation observation) {
        return on.contains(observation);
    }

    public synchronized Set<SandboxObservation> all() {
        return on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on));
    }
}
