package dev.gmailserverauth.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * Waiting in a test for a condition, never for a guessed time: the wait ends as soon as the condition
 * holds (no time wasted on an idle machine) and gives up only at a generous bound (no flake on a busy
 * one). Shared by every module's tests through domain's test-jar.
 *
 * <pre>{@code
 * Eventually.await("the app answers /health", Duration.ofSeconds(30), () -> get(health).statusCode() == 200);
 * }</pre>
 *
 * A condition that throws has not held yet (a server not listening yet refuses the connection); the last
 * exception becomes the cause of the failure at the bound. An {@link AssertionError} thrown by the
 * condition ends the wait at once: that is how a condition says "this will never hold" (a process died).
 */
public final class Eventually {
    /** The longest pause between two looks; the first looks come quicker. */
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);

    /** A condition to look at; throwing means "not yet". */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Eventually() {
    }

    /**
     * Returns once {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} when it did not hold within {@code bound}
     */
    public static void await(String what, Duration bound, Condition condition) {
        Objects.requireNonNull(what, "what");
        Outcome outcome = look(bound, Duration.ofMillis(1), true, condition);
        if (!outcome.held()) {
            throw new AssertionError("not within " + bound.toMillis() + " ms: " + what, outcome.lastFailure());
        }
    }

    /**
     * Whether {@code condition} came to hold within {@code bound}, looking every {@code every}: for a benchmark
     * that reports how long something took, or that it never happened, rather than failing.
     */
    public static boolean within(Duration bound, Duration every, Condition condition) {
        return look(bound, every, false, condition).held();
    }

    private record Outcome(boolean held, Throwable lastFailure) {
    }

    private static Outcome look(Duration bound, Duration firstPause, boolean backOff, Condition condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        Duration pause = firstPause;
        Throwable lastFailure = null;
        while (true) {
            try {
                if (condition.holds()) return new Outcome(true, null);
            } catch (AssertionError never) {
                throw never;
            } catch (Exception notYet) {
                if (notYet instanceof InterruptedException) Thread.currentThread().interrupt();
                lastFailure = notYet;
            }
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) return new Outcome(false, lastFailure);
            pauseFor(pause);
            if (backOff) pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** The one pause between two looks at the condition: what is waited for is the condition, not this. */
    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
