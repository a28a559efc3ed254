package dev.gmailserverauth.web.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How often one client address may start a sign-in: a token bucket per address, so a client that loops
 * on {@code /login} is refused (429) long before it fills the pending-authorization store. The store's
 * own cap ({@code BeginAuthorization}'s in-flight limit) holds across instances; this bound is per
 * instance. At most {@link #MAX_CLIENTS} addresses are tracked; the least recently seen is dropped first.
 */
final class SignInThrottle {
    static final int MAX_CLIENTS = 10_000;

    private final int burst;
    private final Duration refillEvery;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    private static final class Bucket {
        double tokens;
        Instant updated;

        Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    /** {@code burst} sign-ins at once, then one more each {@code refillEvery}. */
    SignInThrottle(int burst, Duration refillEvery, Clock clock) {
        if (burst < 1) throw new IllegalArgumentException("burst must be at least 1");
        if (refillEvery.isNegative() || refillEvery.isZero()) throw new IllegalArgumentException("refill interval must be positive");
        this.burst = burst;
        this.refillEvery = refillEvery;
        this.clock = Objects.requireNonNull(clock);
    }

    /** Takes one sign-in for this client; empty if allowed, otherwise how long until the next one is. */
    synchronized Optional<Duration> take(String client) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(client, ignored -> new Bucket(burst, now));
        double refilled = Duration.between(bucket.updated, now).toNanos() / (double) refillEvery.toNanos();
        bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, refilled));
        bucket.updated = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        long waitNanos = (long) ((1 - bucket.tokens) * refillEvery.toNanos());
        return Optional.of(Duration.ofNanos(waitNanos));
    }
}
