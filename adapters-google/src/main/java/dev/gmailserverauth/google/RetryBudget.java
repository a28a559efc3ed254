package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One call's share of a {@link RetryPolicy}: its deadline, and the tries left for failures that a wait may fix. */
final class RetryBudget {
    private final RetryPolicy policy;
    private final Clock clock;
    private final Instant deadline;
    private int attempts = 1;

    RetryBudget(RetryPolicy policy) {
        this(policy, Clock.systemUTC());
    }

    RetryBudget(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.deadline = clock.instant().plus(policy.deadline());
    }

    int attempts() {
        return attempts;
    }

    /** When the call must be over, tries and waits included. */
    Instant deadline() {
        return deadline;
    }

    /** Whether {@code wait} from now still ends before the deadline. */
    boolean fits(Duration wait) {
        return !clock.instant().plus(wait).isAfter(deadline);
    }

    /** The wait before the next try, or empty when no try is left or the wait would pass the deadline. */
    Optional<Duration> nextWait(Optional<Duration> retryAfter) {
        if (attempts >= policy.maxAttempts()) return Optional.empty();
        Duration backoff = policy.backoff(attempts - 1);
        Duration wait = retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
        return fits(wait) ? Optional.of(wait) : Optional.empty();
    }

    /** Sleeps for {@code wait} and counts the next attempt. */
    void await(Duration wait) {
        sleep(wait);
        attempts++;
    }

    /** Sleeps for {@code wait} without counting an attempt (a pause that is not a retry of a failure). */
    void pause(Duration wait) {
        sleep(wait);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
