package dev.gmailserverauth.application.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a failed delivery is tried again: exponential backoff from {@code firstRetry}, doubling up to
 * {@code longestWait}, each wait shortened by a random part of up to half (jitter, so that receivers coming back
 * are not hit by every sender at once); and how long an endpoint may fail before it is disabled.
 */
public record WebhookRetryPolicy(Duration firstRetry, Duration longestWait, Duration giveUpAfter) {
    /** The first retry within a minute (15 to 30 seconds), then growing to six hours between tries, for three days. */
    public static final WebhookRetryPolicy DEFAULT = new WebhookRetryPolicy(Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofDays(3));

    public WebhookRetryPolicy {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(longestWait, "longestWait");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (firstRetry.isNegative() || firstRetry.isZero()) throw new IllegalArgumentException("the first retry waits a positive time");
        if (longestWait.compareTo(firstRetry) < 0) throw new IllegalArgumentException("the longest wait is shorter than the first");
        if (giveUpAfter.isNegative() || giveUpAfter.isZero()) throw new IllegalArgumentException("giving up takes a positive time");
    }

    /** The same policy, giving up after {@code giveUpAfter}. */
    public WebhookRetryPolicy givingUpAfter(Duration giveUpAfter) {
        return new WebhookRetryPolicy(firstRetry, longestWait, giveUpAfter);
    }

    /**
     * When to try again after the {@code failedAttempts}-th failure (1 for the first) at {@code now}; {@code random} in
     * [0, 1) picks the jitter.
     */
    public Instant retryAt(int failedAttempts, Instant now, double random) {
        if (failedAttempts < 1) throw new IllegalArgumentException("failedAttempts starts at 1");
        if (random < 0 || random >= 1) throw new IllegalArgumentException("random is in [0, 1)");
        long longest = longestWait.toMillis();
        long wait = firstRetry.toMillis();
        for (int doubled = 1; doubled < failedAttempts && wait < longest; doubled++) wait = Math.min(wait * 2, longest);
        long jittered = wait - (long) (wait / 2.0 * random);
        return now.plusMillis(jittered);
    }

    /** Whether an endpoint failing since {@code failingSince} is given up on at {@code now}. */
    public boolean givesUp(Instant failingSince, Instant now) {
        return !now.isBefore(failingSince.plus(giveUpAfter));
    }
}
