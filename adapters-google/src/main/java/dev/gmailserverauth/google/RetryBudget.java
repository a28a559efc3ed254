package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.time.Duration;
import java.util.Optional;

/** The tries left for one operation under a {@link RetryPolicy}: attempts and the total deadline. */
final class RetryBudget {
    private final RetryPolicy policy;
    private final long startNanos = System.nanoTime();
    private int attempts = 1;

    RetryBudget(RetryPolicy policy) {
        this.policy = policy;
    }

    int attempts() {
        return attempts;
    }

    /** The wait before the next try, or empty when no try is left or the wait would pass the deadline. */
    Optional<Duration> nextWait(Optional<Duration> retryAfter) {
        if (attempts >= policy.maxAttempts()) return Optional.empty();
        Duration backoff = policy.backoff(attempts - 1);
        Duration wait = retryAfter.filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        if (elapsed.plus(wait).compareTo(policy.deadline()) > 0) return Optional.empty();
        return Optional.of(wait);
    }

    /** Sleeps for {@code wait} and counts the next attempt. */
    void await(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting to retry", e);
        }
        attempts++;
    }
}
