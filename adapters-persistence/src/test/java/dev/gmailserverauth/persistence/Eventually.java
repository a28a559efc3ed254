package dev.gmailserverauth.persistence;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound, polling it; fails with the description when the bound passes. */
final class Eventually {
    private Eventually() {
    }

    static void within(Duration bound, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + bound + ": " + what);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
