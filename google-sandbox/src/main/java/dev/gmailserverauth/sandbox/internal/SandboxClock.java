package dev.gmailserverauth.sandbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Wall-clock time plus an offset that tests can move forward. */
public final class SandboxClock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public SandboxClock(Clock base) {
        this.base = base;
    }

    public Instant now() {
        return base.instant().plus(offset.get());
    }

    public void advance(Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("cannot move the clock back");
        offset.updateAndGet(current -> current.plus(amount));
    }
}
