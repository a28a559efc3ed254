package dev.gmailserverauth.google;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How transient failures (429, 5xx, rate-limit 403s, I/O errors) are retried: exponential backoff
 * with random jitter, as Google's guidance describes, at most {@code maxAttempts} tries and never
 * past {@code deadline} in total. A {@code Retry-After} from the server wins over a shorter backoff.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxJitter, Duration deadline) {

    /** Google's advice: 1 s, 2 s, ... plus up to 1 s of jitter; three tries within 30 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be at least 1");
        requirePositiveOrZero(initialBackoff, "initial backoff");
        requirePositiveOrZero(maxBackoff, "max backoff");
        requirePositiveOrZero(maxJitter, "max jitter");
        requirePositiveOrZero(deadline, "deadline");
    }

    /** One try only: no retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
    }

    /** The wait before retry number {@code retry} (0 for the first retry), without any Retry-After. */
    Duration backoff(int retry) {
        long base = initialBackoff.toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = maxJitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(maxJitter.toMillis() + 1);
        return Duration.ofMillis(capped + jitter);
    }

    private static void requirePositiveOrZero(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) throw new IllegalArgumentException(name + " is negative");
    }
}
