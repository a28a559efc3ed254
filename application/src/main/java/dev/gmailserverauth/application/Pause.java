package dev.gmailserverauth.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Waits until an instant: the real clock in the app, a clock the test moves in tests. */
@FunctionalInterface
public interface Pause {

    /** Returns at {@code instant} or later; at once if it has passed. */
    void until(Instant instant) throws InterruptedException;

    /** Sleeps on {@code clock}. */
    static Pause sleepingOn(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return instant -> {
            Duration wait = Duration.between(clock.instant(), instant);
            if (!wait.isNegative() && !wait.isZero()) Thread.sleep(wait.toMillis() + 1);
        };
    }
}
