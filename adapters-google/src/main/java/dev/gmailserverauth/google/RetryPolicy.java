package dev.gmailserverauth.google;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How failures a wait may fix are retried (see {@link Retrier}): exponential backoff with random jitter,
 * as Google's guidance describes, at most {@code maxAttempts} tries of a server error, and at most
 * {@code maxAttempts} quota refusals, per call; never past {@code deadline}, the one bound on a call's
 * total time at Google. A {@code Retry-After} from the server wins over a shorter backoff. The same backoff
 * spaces the calls of a user whose quota Google refused several times in a row (1 s, 2 s, 4 s … 32 s): the
 * quota is per minute, so the waits must reach across a minute, not only a one-second blip.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxJitter, Duration deadline) {

    /**
     * Google's advice: 1 s, 2 s, 4 s, ... up to 32 s, plus up to 1 s of jitter; at most five tries, all within
     * 10 s, after which a page is served with what arrived or says when to try again.
     */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofSeconds(1), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be at least 1");
        requirePositiveOrZero(initialBackoff, "initial backoff");
        requirePositiveOrZero(maxBackoff, "max backoff");
        requirePositiveOrZero(maxJitter, "max jitter");
        requirePositiveOrZero(deadline, "deadline");
        if (deadline.isZero()) throw new IllegalArgumentException("deadline must be positive");
    }

    /** One try only: no retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
    }

    public RetryPolicy withDeadline(Duration newDeadline) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxJitter, newDeadline);
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
