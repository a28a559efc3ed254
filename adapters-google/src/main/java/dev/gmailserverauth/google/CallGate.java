package dev.gmailserverauth.google;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * What lets calls through to Google: a user's {@link UserBudget} for Gmail, or {@link #OPEN} for the OAuth
 * endpoints, which have no per-user budget. {@link Retrier} asks it before every round and reports back after.
 */
interface CallGate {

    /** No limits: every call may go at once. Refusals count as ordinary retryable failures. */
    CallGate OPEN = new CallGate() {
        @Override
        public Admission admit(int wanted, int unitsEach, Instant deadline) {
            return new Admission.Granted(wanted);
        }

        @Override
        public void finished(Admission.Granted granted, RoundResult result) {
        }

        @Override
        public Instant quotaFreesAt() {
            return Instant.EPOCH;
        }

        @Override
        public boolean metered() {
            return false;
        }
    };

    /**
     * How many of {@code wanted} calls, costing {@code unitsEach} quota units each, may go now. Waits (at most
     * until {@code deadline}) while the user's calls in flight or spent quota leave no room.
     */
    Admission admit(int wanted, int unitsEach, Instant deadline);

    /** The granted calls came back: frees their slots and learns from the refusals. */
    void finished(Admission.Granted granted, RoundResult result);

    /** Until when the user's quota is known to be spent (a past instant when it is not). */
    Instant quotaFreesAt();

    /** Whether this gate keeps a budget (so concurrency and quota refusals are its business, not plain retries). */
    boolean metered();

    /** The answer to {@link #admit}. */
    sealed interface Admission {
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Granted, R> granted, Function<RateLimited, R> rateLimited, Function<Expired, R> expired);

        /** This many calls may go; their slots are held until {@link #finished}. */
        record Granted(int calls) implements Admission {
            public Granted {
                if (calls < 1) throw new IllegalArgumentException("a grant is for at least one call");
            }

            @Override
            public <R> R fold(Function<Granted, R> granted, Function<RateLimited, R> rateLimited, Function<Expired, R> expired) {
                return granted.apply(this);
            }
        }

        /** The quota will not free up before the deadline: not before {@code retryAt}. */
        record RateLimited(Instant retryAt) implements Admission {
            @Override
            public <R> R fold(Function<Granted, R> granted, Function<RateLimited, R> rateLimited, Function<Expired, R> expired) {
                return rateLimited.apply(this);
            }
        }

        /** The deadline passed while waiting for a free slot. */
        record Expired() implements Admission {
            @Override
            public <R> R fold(Function<Granted, R> granted, Function<RateLimited, R> rateLimited, Function<Expired, R> expired) {
                return expired.apply(this);
            }
        }
    }

    /** How a round's calls came back, as far as the budget cares. */
    record RoundResult(int concurrencyRefused, int quotaRefused, int answered, Optional<Duration> retryAfter) {
    }
}
