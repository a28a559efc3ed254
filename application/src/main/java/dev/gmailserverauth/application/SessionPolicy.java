package dev.gmailserverauth.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long sessions last: {@code idleTimeout} after the last request, and never beyond
 * {@code absoluteTimeout} after sign-in. Activity is written back at most every {@code touchInterval}.
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout, Duration touchInterval) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(1));

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
        if (absoluteTimeout.compareTo(idleTimeout) < 0) throw new IllegalArgumentException("absolute timeout is shorter than idle timeout");
    }

    Instant expiryFor(Instant createdAt, Instant lastSeenAt) {
        Instant idle = lastSeenAt.plus(idleTimeout);
        Instant absolute = createdAt.plus(absoluteTimeout);
        return idle.isBefore(absolute) ? idle : absolute;
    }
}
