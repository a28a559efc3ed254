package dev.gmailserverauth.google;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The deadline of the call running on this thread, on the adapter's injected clock, so that one try never
 * outlasts it: {@link HttpSetup} shortens each request's connect and read time-outs to the time left. Set by
 * {@link Retrier} around every try, and carried by the single-get fallback to its worker threads.
 */
final class CallDeadline {
    private record Deadline(Instant at, Clock clock) {
        Duration left() {
            return Duration.between(clock.instant(), at);
        }
    }

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private CallDeadline() {
    }

    /** Runs {@code attempt} with the deadline at {@code at} on {@code clock}. */
    static <T> T around(Instant at, Clock clock, Retrier.Attempt<T> attempt) throws IOException {
        Deadline outer = CURRENT.get();
        CURRENT.set(new Deadline(at, clock));
        try {
            return attempt.call();
        } finally {
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
        }
    }

    /** {@code attempt} under the running call's deadline, to be run on another thread. */
    static <T> Retrier.Attempt<T> carried(Retrier.Attempt<T> attempt) {
        Deadline current = CURRENT.get();
        if (current == null) return attempt;
        return () -> around(current.at(), current.clock(), attempt);
    }

    /** Whether the running call's deadline has passed. */
    static boolean passed() {
        Deadline current = CURRENT.get();
        return current != null && (current.left().isNegative() || current.left().isZero());
    }

    /** {@code configuredMillis}, or the milliseconds left before the deadline if fewer (at least 1). */
    static int cap(int configuredMillis) {
        Deadline current = CURRENT.get();
        if (current == null) return configuredMillis;
        return (int) Math.max(1, Math.min(configuredMillis, current.left().toMillis()));
    }
}
