package dev.gmailserverauth.web.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How many event streams are open at once and how they are fed.
 *
 * @param perPerson    streams one person may hold open (one per browser tab or API client); one more is refused with 429
 * @param perInstance  streams this instance holds open; one more is refused with 503
 * @param pollInterval how often this instance reads the outbox for rows its open streams have not seen
 * @param keepAlive    a comment is written to a stream idle this long, so proxies keep it open (and a dead client is noticed)
 * @param revalidate   how often each stream's session is checked again (a sign-out on another instance, an expiry)
 * @param gapGrace     how long a missing position is waited for (a transaction that took it may commit late) before it is passed
 * @param queueLimit   events waiting for a slow client; one more closes its stream (the client resumes with {@code Last-Event-ID})
 */
public record StreamLimits(int perPerson, int perInstance, Duration pollInterval, Duration keepAlive, Duration revalidate, Duration gapGrace,
                           int queueLimit) {
    public static final int DEFAULT_PER_PERSON = 8;
    public static final int DEFAULT_PER_INSTANCE = 1000;

    public StreamLimits {
        if (perPerson < 1) throw new IllegalArgumentException("streams per person must be at least 1");
        if (perInstance < 1) throw new IllegalArgumentException("streams per instance must be at least 1");
        positive(pollInterval, "poll interval");
        positive(keepAlive, "keep-alive interval");
        positive(revalidate, "revalidation interval");
        positive(gapGrace, "gap grace");
        if (queueLimit < 1) throw new IllegalArgumentException("queue limit must be at least 1");
    }

    /** 8 a person, 1,000 an instance, the outbox read every 500 ms, a keep-alive every 15 s, sessions checked every 30 s. */
    public static StreamLimits defaults() {
        return new StreamLimits(DEFAULT_PER_PERSON, DEFAULT_PER_INSTANCE, Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 500);
    }

    public StreamLimits withCaps(int person, int instance) {
        return new StreamLimits(person, instance, pollInterval, keepAlive, revalidate, gapGrace, queueLimit);
    }

    public StreamLimits withKeepAlive(Duration interval) {
        return new StreamLimits(perPerson, perInstance, pollInterval, interval, revalidate, gapGrace, queueLimit);
    }

    public StreamLimits withRevalidate(Duration interval) {
        return new StreamLimits(perPerson, perInstance, pollInterval, keepAlive, interval, gapGrace, queueLimit);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
