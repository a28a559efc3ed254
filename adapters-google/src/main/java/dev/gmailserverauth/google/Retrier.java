package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry loop of the adapters, in two shapes: {@link #once} for a single call, and {@link #settle} for many
 * keys sent in rounds (the message ids of a page, as batches). Both ask the {@link CallGate} before every try and
 * follow the same rules between tries ({@link Call#again}):
 * <ul>
 *   <li>refused as too many at once (429 concurrency): the gate has shrunk what it admits, so the rest goes
 *       again at once; refused again, a pause ({@link GmailLimits#concurrencyPause()}, doubling, with jitter,
 *       or {@code Retry-After});</li>
 *   <li>quota spent (403 rate limits, other 429s): no pause here, the gate holds the next try until the
 *       quota window it now remembers, or answers "rate limited" when that is past the deadline; at most
 *       {@link RetryPolicy#maxAttempts()} quota refusals per call;</li>
 *   <li>server errors and I/O failures (or any refusal at the {@link CallGate#OPEN open} gate): exponential
 *       backoff with jitter honouring {@code Retry-After}, at most {@link RetryPolicy#maxAttempts()} tries.</li>
 * </ul>
 * A failure no retry can fix (401, 403 scope, 404, 400, ...) ends the call at once. So does the deadline
 * ({@link RetryPolicy#deadline()}, measured on the injected clock): every wait and every try ends before it.
 * How a call that stopped early ends is decided in one place, {@link Call#end}.
 */
final class Retrier {
    /** When a call was crowded out by the user's own calls until its deadline: a moment is enough. */
    static final Duration CROWDED_RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final Duration MAX_CONCURRENCY_PAUSE = Duration.ofSeconds(2);

    /** One try of a call. Throws what the Google client throws. */
    @FunctionalInterface
    interface Attempt<T> {
        T call() throws IOException;
    }

    /** One exchange with Google for these keys: one {@link Part} per key, in their order. Throws when the exchange failed whole. */
    @FunctionalInterface
    interface Round<K, V> {
        List<Part<V>> send(List<K> keys) throws IOException;
    }

    /** A try Google refused, or that failed on the way: what Google said, and what the client threw. */
    record Refusal(GoogleFailure failure, IOException cause) {
        Refusal {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(cause, "cause");
        }

        static Refusal of(IOException e) {
            return new Refusal(GoogleFailure.of(e), e);
        }
    }

    /** How one key came back from a round. */
    sealed interface Part<V> {
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Done<V>, R> done, Function<Gone<V>, R> gone, Function<Failed<V>, R> failed);

        record Done<V>(V value) implements Part<V> {
            @Override
            public <R> R fold(Function<Done<V>, R> done, Function<Gone<V>, R> gone, Function<Failed<V>, R> failed) {
                return done.apply(this);
            }
        }

        /** Deleted since it was listed (404 inside a list of many): left out, not an error. */
        record Gone<V>() implements Part<V> {
            @Override
            public <R> R fold(Function<Done<V>, R> done, Function<Gone<V>, R> gone, Function<Failed<V>, R> failed) {
                return gone.apply(this);
            }
        }

        record Failed<V>(Refusal refusal) implements Part<V> {
            Failed(GoogleFailure failure, IOException cause) {
                this(new Refusal(failure, cause));
            }

            @Override
            public <R> R fold(Function<Done<V>, R> done, Function<Gone<V>, R> gone, Function<Failed<V>, R> failed) {
                return failed.apply(this);
            }
        }
    }

    /** How a single call ended. */
    sealed interface Single<T> {
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Done<T>, R> done, Function<RateLimited<T>, R> rateLimited, Function<Failed<T>, R> failed);

        record Done<T>(T value) implements Single<T> {
            @Override
            public <R> R fold(Function<Done<T>, R> done, Function<RateLimited<T>, R> rateLimited, Function<Failed<T>, R> failed) {
                return done.apply(this);
            }
        }

        /** The user's quota is spent, or their own calls held every slot, until {@code retryAt}. */
        record RateLimited<T>(Instant retryAt) implements Single<T> {
            @Override
            public <R> R fold(Function<Done<T>, R> done, Function<RateLimited<T>, R> rateLimited, Function<Failed<T>, R> failed) {
                return rateLimited.apply(this);
            }
        }

        /** A failure no retry fixes, or the last of the retryable ones when the tries or the time ran out. */
        record Failed<T>(Refusal refusal, int attempts) implements Single<T> {
            @Override
            public <R> R fold(Function<Done<T>, R> done, Function<RateLimited<T>, R> rateLimited, Function<Failed<T>, R> failed) {
                return failed.apply(this);
            }
        }
    }

    /** How a call for many keys ended. */
    sealed interface Settled<K, V> {
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Complete<K, V>, R> complete, Function<Partial<K, V>, R> partial, Function<RateLimited<K, V>, R> rateLimited,
                Function<Failed<K, V>, R> failed);

        /** Every key answered ({@link Part.Gone gone} keys are simply not among the values). */
        record Complete<K, V>(Map<K, V> values) implements Settled<K, V> {
            public Complete {
                values = Map.copyOf(values);
            }

            @Override
            public <R> R fold(Function<Complete<K, V>, R> complete, Function<Partial<K, V>, R> partial,
                    Function<RateLimited<K, V>, R> rateLimited, Function<Failed<K, V>, R> failed) {
                return complete.apply(this);
            }
        }

        /** Some values arrived; the tries, the time or the quota ran out for the {@code missing} keys. */
        record Partial<K, V>(Map<K, V> values, List<K> missing) implements Settled<K, V> {
            public Partial {
                values = Map.copyOf(values);
                missing = List.copyOf(missing);
            }

            @Override
            public <R> R fold(Function<Complete<K, V>, R> complete, Function<Partial<K, V>, R> partial,
                    Function<RateLimited<K, V>, R> rateLimited, Function<Failed<K, V>, R> failed) {
                return partial.apply(this);
            }
        }

        /** Nothing arrived: the user's quota is spent, or their own calls held every slot, until {@code retryAt}. */
        record RateLimited<K, V>(Instant retryAt) implements Settled<K, V> {
            @Override
            public <R> R fold(Function<Complete<K, V>, R> complete, Function<Partial<K, V>, R> partial,
                    Function<RateLimited<K, V>, R> rateLimited, Function<Failed<K, V>, R> failed) {
                return rateLimited.apply(this);
            }
        }

        /** A failure no retry fixes (whatever else arrived), or, with nothing arrived, the last retryable one. */
        record Failed<K, V>(Refusal refusal, int attempts) implements Settled<K, V> {
            @Override
            public <R> R fold(Function<Complete<K, V>, R> complete, Function<Partial<K, V>, R> partial,
                    Function<RateLimited<K, V>, R> rateLimited, Function<Failed<K, V>, R> failed) {
                return failed.apply(this);
            }
        }
    }

    private final RetryPolicy policy;
    private final GmailLimits limits;
    private final Clock clock;
    private final GoogleCallListener listener;

    Retrier(RetryPolicy policy, GmailLimits limits, Clock clock, GoogleCallListener listener) {
        this.policy = policy;
        this.limits = limits;
        this.clock = clock;
        this.listener = listener;
    }

    /** For the OAuth endpoints: no per-user budget. */
    Retrier(RetryPolicy policy, Clock clock, GoogleCallListener listener) {
        this(policy, GmailLimits.DEFAULT, clock, listener);
    }

    RetryPolicy policy() {
        return policy;
    }

    /**
     * One call through the open gate (the OAuth endpoints): its value, or what it threw when retrying cannot
     * help, or {@link ProviderUnavailableException} when the tries or the deadline ran out.
     */
    <T> T call(String operation, Attempt<T> attempt) throws IOException {
        try {
            return once(operation, 0, CallGate.OPEN, attempt).fold(
                    Single.Done::value,
                    crowded -> {
                        throw new ProviderUnavailableException(operation + ": deadline passed");
                    },
                    failed -> {
                        Refusal refusal = failed.refusal();
                        if (refusal.failure().retryable()) throw unavailable(operation, failed.attempts(), refusal.failure(), refusal.cause());
                        throw new UncheckedIOException(refusal.cause());
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One call of {@code method}, costing {@code units} quota units, within what {@code gate} admits. */
    <T> Single<T> once(String method, int units, CallGate gate, Attempt<T> attempt) {
        Call call = new Call(method, units, gate);
        while (true) {
            Optional<CallGate.Admission.Granted> granted = call.admit(1);
            if (granted.isEmpty()) break;
            Instant started = clock.instant();
            Tally tally = new Tally(gate.metered());
            try {
                T value = CallDeadline.around(call.deadline(), clock, attempt);
                tally.answered("ok");
                call.finished(granted.get(), tally, started);
                return new Single.Done<>(value);
            } catch (IOException e) {
                tally.refused(Refusal.of(e));
                call.finished(granted.get(), tally, started);
            }
            if (!call.again(tally)) break;
        }
        return call.end(refusal -> new Single.Failed<>(refusal, call.attempts()), Optional.empty(), Single.RateLimited::new);
    }

    /**
     * Settles {@code keys} in rounds of at most {@link GmailLimits#MAX_BATCH}, each key costing {@code unitsEach}
     * quota units of {@code method} (as Gmail names it); keys refused with a retryable failure go first in the next round.
     */
    <K, V> Settled<K, V> settle(String method, int unitsEach, CallGate gate, List<K> keys, Round<K, V> round) {
        Call call = new Call(method, unitsEach, gate);
        Deque<K> pending = new ArrayDeque<>(keys);
        Map<K, V> done = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            Optional<CallGate.Admission.Granted> granted = call.admit(Math.min(pending.size(), GmailLimits.MAX_BATCH));
            if (granted.isEmpty()) break;
            List<K> sent = new ArrayList<>();
            for (int i = 0; i < granted.get().calls(); i++) sent.add(pending.removeFirst());

            Instant started = clock.instant();
            List<Part<V>> parts = send(round, sent, call.deadline());
            Tally tally = new Tally(gate.metered());
            List<K> again = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                K key = sent.get(i);
                parts.get(i).fold(
                        ok -> {
                            done.put(key, ok.value());
                            return tally.answered("ok");
                        },
                        gone -> tally.answered("not_found"),
                        failed -> tally.refused(failed.refusal()) && again.add(key));
            }
            call.finished(granted.get(), tally, started);
            for (int i = again.size() - 1; i >= 0; i--) pending.addFirst(again.get(i));
            if (!again.isEmpty() || tally.hasFinalFailure()) {
                if (!call.again(tally)) break;
            }
        }
        if (pending.isEmpty() && call.fatal.isEmpty()) return new Settled.Complete<>(done);
        Optional<Supplier<Settled<K, V>>> partial = done.isEmpty() ? Optional.empty()
                : Optional.of(() -> new Settled.Partial<>(done, List.copyOf(pending)));
        return call.end(refusal -> new Settled.Failed<>(refusal, call.attempts()), partial, Settled.RateLimited::new);
    }

    static ProviderUnavailableException unavailable(String operation, int attempts, GoogleFailure failure, Throwable cause) {
        return new ProviderUnavailableException(
                operation + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + failure.describe(), cause);
    }

    private <K, V> List<Part<V>> send(Round<K, V> round, List<K> keys, Instant deadline) {
        try {
            List<Part<V>> parts = CallDeadline.around(deadline, clock, () -> round.send(keys));
            if (parts.size() != keys.size()) throw new IllegalStateException("a round answered " + parts.size() + " parts for " + keys.size());
            return parts;
        } catch (IOException e) {
            Part<V> failed = new Part.Failed<>(Refusal.of(e));
            return keys.stream().map(k -> failed).toList();
        }
    }

    /** One call's share of the rules: its deadline and tries, what it was refused, and how it ends. */
    private final class Call {
        private final String method;
        private final int unitsEach;
        private final CallGate gate;
        private final RetryBudget tries;
        /** The most telling failure no retry fixes ({@link GoogleFailure#moreTellingThan}). */
        private Optional<Refusal> fatal = Optional.empty();
        /** The last retryable refusal. */
        private Optional<Refusal> last = Optional.empty();
        /** Until when the gate or the tries said the user's quota is spent. */
        private Optional<Instant> quotaSpentUntil = Optional.empty();
        private int quotaRounds;
        private int crowdedRounds;

        Call(String method, int unitsEach, CallGate gate) {
            this.method = method;
            this.unitsEach = unitsEach;
            this.gate = gate;
            this.tries = new RetryBudget(policy, clock);
        }

        Instant deadline() {
            return tries.deadline();
        }

        int attempts() {
            return tries.attempts();
        }

        /** How many of {@code wanted} calls may go now; none when the quota or the deadline says stop. */
        Optional<CallGate.Admission.Granted> admit(int wanted) {
            return gate.admit(wanted, unitsEach, tries.deadline()).fold(
                    granted -> {
                        if (unitsEach > 0) listener.quotaUnits(method, granted.calls() * unitsEach);
                        return Optional.of(granted);
                    },
                    limited -> {
                        quotaSpentUntil = Optional.of(limited.retryAt());
                        return Optional.empty();
                    },
                    expired -> Optional.empty());
        }

        /** The granted calls came back: the gate and the listener hear how. */
        void finished(CallGate.Admission.Granted granted, Tally tally, Instant started) {
            Duration took = Duration.between(started, clock.instant());
            tally.outcomes.forEach(outcome -> listener.call(method, outcome, took));
            for (int i = 0; i < tally.concurrencyRefused; i++) listener.refused("concurrency");
            for (int i = 0; i < tally.quotaRefused; i++) listener.refused("quota");
            gate.finished(granted, tally.result());
            tally.fatal.ifPresent(refusal -> fatal = Optional.of(fatal.map(f -> moreTelling(f, refusal)).orElse(refusal)));
            tally.lastRefusal.ifPresent(refusal -> last = Optional.of(refusal));
            if (tally.refusedAgain() == 0) crowdedRounds = 0;
        }

        /** After a round with refusals: waits as their kind asks, and says whether to try again. */
        boolean again(Tally tally) {
            if (fatal.isPresent()) return false;
            if (tally.refusedAgain() == 0) return true;
            Refusal refusal = tally.lastRefusal.orElseThrow();
            if (gate.metered() && tally.transientFailures == 0 && tally.quotaRefused > 0) {
                // The gate now holds the user's quota window: the next admission waits for it or says "rate limited".
                if (++quotaRounds >= policy.maxAttempts()) {
                    quotaSpentUntil = Optional.of(gate.quotaFreesAt());
                    return false;
                }
                LOG.info("{}: quota spent ({}); {} call(s) wait for the window", method, refusal.failure().describe(), tally.refusedAgain());
                return true;
            }
            if (gate.metered() && tally.transientFailures == 0) {
                Duration pause = concurrencyPause(crowdedRounds++, tally.retryAfter);
                if (!tries.fits(pause)) return false;
                LOG.debug("{}: {} call(s) refused as too many at once; again in {} ms", method, tally.concurrencyRefused, pause.toMillis());
                tries.pause(pause);
                return true;
            }
            Optional<Duration> wait = tries.nextWait(tally.retryAfter);
            if (wait.isEmpty()) return false;
            LOG.warn("{}: {} call(s) failed with {}; retrying in {} ms (attempt {} of {})", method, tally.refusedAgain(),
                    refusal.failure().describe(), wait.get().toMillis(), tries.attempts() + 1, policy.maxAttempts());
            tries.await(wait.get());
            return true;
        }

        /**
         * How a call that stopped before everything arrived ends; this order is the whole rule:
         * <ol>
         *   <li>a failure no retry fixes: the caller must act on it (refresh, consent, not found, ...), whatever else arrived;</li>
         *   <li>some values arrived: they are kept and the rest named missing ({@code partial});</li>
         *   <li>the user's quota is spent until a known time: rate limited until then;</li>
         *   <li>server errors or I/O failures (any refusal, at the open gate) until the tries or time ran out: failed with the last;</li>
         *   <li>otherwise the user's own calls held every slot, or Google refused them as too many at once, until the
         *       deadline: rate limited for a moment ({@link #CROWDED_RETRY}).</li>
         * </ol>
         */
        <R> R end(Function<Refusal, R> failed, Optional<Supplier<R>> partial, Function<Instant, R> rateLimited) {
            if (fatal.isPresent()) return failed.apply(fatal.get());
            if (partial.isPresent()) return partial.get().get();
            Optional<Instant> quota = quotaSpentUntil
                    .or(() -> last.filter(l -> gate.metered() && l.failure().kind() == GoogleFailure.Kind.QUOTA).map(l -> gate.quotaFreesAt()));
            if (quota.isPresent()) return rateLimited.apply(quota.get());
            Optional<Refusal> exhausted = last.filter(l -> !gate.metered() || l.failure().kind() == GoogleFailure.Kind.TRANSIENT);
            if (exhausted.isPresent()) return failed.apply(exhausted.get());
            return rateLimited.apply(clock.instant().plus(CROWDED_RETRY));
        }
    }

    private static Refusal moreTelling(Refusal kept, Refusal other) {
        return other.failure().moreTellingThan(kept.failure()) ? other : kept;
    }

    /**
     * After the first refusal the gate has already cut the round to what Google accepted, so the rest goes again
     * at once (a little jitter apart); refused again, other calls of the user hold the slots: pause, doubling.
     */
    private Duration concurrencyPause(int crowdedBefore, Optional<Duration> retryAfter) {
        long unit = limits.concurrencyPause().toMillis();
        long base = crowdedBefore == 0 ? 0 : Math.min(unit << Math.min(crowdedBefore - 1, 10), MAX_CONCURRENCY_PAUSE.toMillis());
        long jitter = unit == 0 ? 0 : ThreadLocalRandom.current().nextLong(unit / 4 + 1);
        Duration pause = Duration.ofMillis(base + jitter);
        return retryAfter.filter(r -> r.compareTo(pause) > 0).orElse(pause);
    }

    /** What one round brought back, sorted for the loop, the gate and the listener. */
    private static final class Tally {
        private final boolean metered;
        private final List<String> outcomes = new ArrayList<>();
        private Optional<Refusal> fatal = Optional.empty();
        private Optional<Refusal> lastRefusal = Optional.empty();
        private Optional<Duration> retryAfter = Optional.empty();
        private int concurrencyRefused;
        private int quotaRefused;
        private int transientFailures;
        private int answered;

        Tally(boolean metered) {
            this.metered = metered;
        }

        boolean answered(String outcome) {
            outcomes.add(outcome);
            answered++;
            return true;
        }

        /** Counts a refusal; true when it is worth another try. */
        boolean refused(Refusal refusal) {
            GoogleFailure failure = refusal.failure();
            outcomes.add(failure.kind().name().toLowerCase(Locale.ROOT));
            if (!failure.retryable()) {
                answered++;
                fatal = Optional.of(fatal.map(f -> moreTelling(f, refusal)).orElse(refusal));
                return false;
            }
            lastRefusal = Optional.of(refusal);
            failure.retryAfter().ifPresent(r -> retryAfter = Optional.of(retryAfter.filter(w -> w.compareTo(r) > 0).orElse(r)));
            // At the open gate every retryable refusal is an ordinary failure to back off from.
            switch (metered ? failure.kind() : GoogleFailure.Kind.TRANSIENT) {
                case CONCURRENCY -> concurrencyRefused++;
                case QUOTA -> quotaRefused++;
                case TRANSIENT -> transientFailures++;
                case UNAUTHORIZED, INSUFFICIENT_SCOPE, NOT_FOUND, BAD_REQUEST, REFUSED -> throw new IllegalStateException(failure.kind() + " is not retryable");
            }
            return true;
        }

        boolean hasFinalFailure() {
            return fatal.isPresent();
        }

        int refusedAgain() {
            return concurrencyRefused + quotaRefused + transientFailures;
        }

        CallGate.RoundResult result() {
            return new CallGate.RoundResult(concurrencyRefused, quotaRefused, answered, retryAfter);
        }
    }
}
