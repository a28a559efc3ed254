package dev.gmailserverauth.google;

import java.io.IOException;

/**
 * The deadline of the call running on this thread, so that one try never outlasts it: {@link HttpSetup}
 * shortens each request's connect and read time-outs to the time left. Set by {@link Retrier} around every
 * round, and by the single-get fallback on its worker threads.
 */
final class CallDeadline {
    private static final ThreadLocal<Long> NANOS = new ThreadLocal<>();

    private CallDeadline() {
    }

    /** Runs {@code attempt} with the deadline at {@code nanoTime} ({@link System#nanoTime()} scale). */
    static <T> T around(long nanoTime, Retrier.Attempt<T> attempt) throws IOException {
        Long outer = NANOS.get();
        NANOS.set(nanoTime);
        try {
            return attempt.call();
        } finally {
            if (outer == null) NANOS.remove();
            else NANOS.set(outer);
        }
    }

    /** The deadline of the running call, or {@link Long#MAX_VALUE} when none is set. */
    static long current() {
        Long nanos = NANOS.get();
        return nanos == null ? Long.MAX_VALUE : nanos;
    }

    /** Whether the running call's deadline has passed. */
    static boolean passed() {
        Long nanos = NANOS.get();
        return nanos != null && System.nanoTime() - nanos >= 0;
    }

    /** {@code configuredMillis}, or the milliseconds left before the deadline if fewer (at least 1). */
    static int cap(int configuredMillis) {
        Long nanos = NANOS.get();
        if (nanos == null) return configuredMillis;
        long left = (nanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(configuredMillis, left));
    }
}
