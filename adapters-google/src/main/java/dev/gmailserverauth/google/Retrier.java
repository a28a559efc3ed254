package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.io.IOException;
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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry loop of the adapters. A call is a set of keys (one for a single call, the message ids of a
 * page for summaries) sent in rounds: each round takes what the {@link CallGate} admits, sends it, keeps what
 * came back, and puts the refused keys first in line for the next round. Between rounds:
 * <ul>
 *   <li>refused as too many at once (429 concurrency): the gate has shrunk what it admits, so the rest goes
 *       again at once; refused again, a pause ({@link GmailLimits#concurrencyPause()}, doubling, with jitter,
 *       or {@code Retry-After});</li>
 *   <li>quota spent (403 rate limits, other 429s): no pause here, the gate holds the next round until the
 *       quota window it now remembers, or answers "rate limited" when that is past the deadline; at most
 *       {@link RetryPolicy#maxAttempts()} quota refusals per call;</li>
 *   <li>server errors and I/O failures (or any refusal at the {@link CallGate#OPEN open} gate): exponential
 *       backoff with jitter honouring {@code Retry-After}, at most {@link RetryPolicy#maxAttempts()} tries.</li>
 * </ul>
 * A failure no retry can fix (401, 403 scope, 404, 400, ...) ends the call at once. So does the deadline
 * ({@link RetryPolicy#deadline()}): every wait and every try ends before it, and what is still pending then
 * is reported missing, next to everything that did arrive.
 */
final class Retrier {
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

    /** How one key came back from a round. */
    sealed interface Part<V> {
        record Done<V>(V value) implements Part<V> {
        }

        /** Deleted since it was listed (404 inside a list of many): left out, not an error. */
        record Gone<V>() implements Part<V> {
        }

        record Failed<V>(GoogleFailure failure, IOException cause) implements Part<V> {
        }
    }

    /**
     * How a call ended: what arrived, what is still missing, and why it stopped early, if it did: a failure no
     * retry fixes, the quota until a known time, or the last retryable failure before tries or time ran out.
     */
    record Settled<K, V>(Map<K, V> done, List<K> missing, Optional<Part.Failed<V>> fatal, Optional<Instant> rateLimitedUntil,
                         Optional<Part.Failed<V>> lastFailure, int attempts) {
        Settled {
            done = Map.copyOf(done);
            missing = List.copyOf(missing);
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
     * One call through the open gate: its value, or what it threw when retrying cannot help, or
     * {@link ProviderUnavailableException} when the tries or the deadline ran out.
     */
    <T> T call(String operation, Attempt<T> attempt) throws IOException {
        Settled<String, T> settled = settle(operation, 0, CallGate.OPEN, 1, List.of(operation), keys -> List.of(new Part.Done<>(attempt.call())));
        if (settled.done().containsKey(operation)) return settled.done().get(operation);
        if (settled.fatal().isPresent()) throw settled.fatal().get().cause();
        Part.Failed<T> last = settled.lastFailure().orElseThrow(() -> new ProviderUnavailableException(operation + ": deadline passed"));
        throw unavailable(operation, settled.attempts(), last.failure(), last.cause());
    }

    /**
     * Settles {@code keys} in rounds of at most {@code maxRound}, each key costing {@code unitsEach} quota units
     * of {@code method} (as Gmail names it).
     */
    <K, V> Settled<K, V> settle(String method, int unitsEach, CallGate gate, int maxRound, List<K> keys, Round<K, V> round) {
        RetryBudget tries = new RetryBudget(policy, clock);
        Deque<K> pending = new ArrayDeque<>(keys);
        Map<K, V> done = new LinkedHashMap<>();
        Optional<Part.Failed<V>> last = Optional.empty();
        int quotaRounds = 0;
        int crowdedRounds = 0;
        while (!pending.isEmpty()) {
            CallGate.Admission admission = gate.admit(Math.min(pending.size(), maxRound), unitsEach, tries.deadline());
            if (admission instanceof CallGate.Admission.RateLimited limited) {
                return new Settled<>(done, List.copyOf(pending), Optional.empty(), Optional.of(limited.retryAt()), last, tries.attempts());
            }
            if (!(admission instanceof CallGate.Admission.Granted granted)) break;
            List<K> sent = new ArrayList<>();
            for (int i = 0; i < granted.calls(); i++) sent.add(pending.removeFirst());
            if (unitsEach > 0) listener.quotaUnits(method, granted.calls() * unitsEach);

            long started = System.nanoTime();
            List<Part<V>> parts = send(round, sent, tries);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            Tally<K, V> tally = new Tally<>();
            for (int i = 0; i < sent.size(); i++) tally.add(sent.get(i), parts.get(i), done, gate.metered());
            tally.report(method, took, listener);
            gate.finished(granted, tally.result());
            for (int i = tally.again.size() - 1; i >= 0; i--) pending.addFirst(tally.again.get(i));
            if (tally.fatal.isPresent()) {
                return new Settled<>(done, List.copyOf(pending), tally.fatal, Optional.empty(), last, tries.attempts());
            }
            if (tally.again.isEmpty()) {
                crowdedRounds = 0;
                continue;
            }
            last = Optional.of(tally.lastRefusal);

            if (gate.metered() && tally.transientFailures == 0 && tally.quotaRefused > 0) {
                // The gate now holds the user's quota window: the next admission waits for it or says "rate limited".
                if (++quotaRounds >= policy.maxAttempts()) {
                    return new Settled<>(done, List.copyOf(pending), Optional.empty(), Optional.of(gate.quotaFreesAt()), last,
                            tries.attempts());
                }
                LOG.info("{}: quota spent ({}); {} call(s) wait for the window", method, tally.lastRefusal.failure().describe(),
                        tally.again.size());
            } else if (gate.metered() && tally.transientFailures == 0) {
                Duration pause = concurrencyPause(crowdedRounds++, tally.retryAfter);
                if (!tries.fits(pause)) break;
                LOG.debug("{}: {} call(s) refused as too many at once; again in {} ms", method, tally.concurrencyRefused, pause.toMillis());
                tries.pause(pause);
            } else {
                Optional<Duration> wait = tries.nextWait(tally.retryAfter);
                if (wait.isEmpty()) break;
                LOG.warn("{}: {} call(s) failed with {}; retrying in {} ms (attempt {} of {})", method, tally.again.size(),
                        tally.lastRefusal.failure().describe(), wait.get().toMillis(), tries.attempts() + 1, policy.maxAttempts());
                tries.await(wait.get());
            }
        }
        // Stopped by the deadline or out of tries: if the quota was the trouble, say until when it is spent.
        Optional<Instant> quota = last.filter(l -> gate.metered() && l.failure().kind() == GoogleFailure.Kind.QUOTA)
                .map(l -> gate.quotaFreesAt());
        return new Settled<>(done, List.copyOf(pending), Optional.empty(), quota, last, tries.attempts());
    }

    static ProviderUnavailableException unavailable(String operation, int attempts, GoogleFailure failure, Throwable cause) {
        return new ProviderUnavailableException(
                operation + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + failure.describe(), cause);
    }

    private static <K, V> List<Part<V>> send(Round<K, V> round, List<K> keys, RetryBudget tries) {
        try {
            List<Part<V>> parts = CallDeadline.around(tries.deadlineNanos(), () -> round.send(keys));
            if (parts.size() != keys.size()) throw new IllegalStateException("a round answered " + parts.size() + " parts for " + keys.size());
            return parts;
        } catch (IOException e) {
            return failedAll(keys, e);
        } catch (IllegalArgumentException e) {
            // google-http-client reports an unparsable JSON body this way: treat it like a broken connection.
            return failedAll(keys, new IOException("unparsable response: " + e.getMessage(), e));
        }
    }

    private static <K, V> List<Part<V>> failedAll(List<K> keys, IOException e) {
        Part<V> failed = new Part.Failed<>(GoogleFailure.of(e), e);
        return keys.stream().map(k -> failed).toList();
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

    /** What one round brought back, sorted for the loop and the gate. */
    private static final class Tally<K, V> {
        final List<K> again = new ArrayList<>();
        final List<Part<V>> parts = new ArrayList<>();
        Optional<Part.Failed<V>> fatal = Optional.empty();
        Part.Failed<V> lastRefusal;
        Optional<Duration> retryAfter = Optional.empty();
        int concurrencyRefused;
        int quotaRefused;
        int transientFailures;
        int answered;

        void add(K key, Part<V> part, Map<K, V> done, boolean metered) {
            parts.add(part);
            if (part instanceof Part.Done<V> ok) {
                done.put(key, ok.value());
                answered++;
            } else if (part instanceof Part.Failed<V> failed) {
                GoogleFailure failure = failed.failure();
                if (!failure.retryable()) {
                    answered++;
                    if (fatal.isEmpty() || failure.kind().ordinal() < fatal.get().failure().kind().ordinal()) fatal = Optional.of(failed);
                    return;
                }
                again.add(key);
                lastRefusal = failed;
                failure.retryAfter().ifPresent(r -> retryAfter = Optional.of(retryAfter.filter(w -> w.compareTo(r) > 0).orElse(r)));
                switch (metered ? failure.kind() : GoogleFailure.Kind.TRANSIENT) {
                    case CONCURRENCY -> concurrencyRefused++;
                    case QUOTA -> quotaRefused++;
                    default -> transientFailures++;
                }
            } else {
                answered++;
            }
        }

        CallGate.RoundResult result() {
            return new CallGate.RoundResult(concurrencyRefused, quotaRefused, answered, retryAfter);
        }

        void report(String method, Duration took, GoogleCallListener listener) {
            for (Part<V> part : parts) listener.call(method, outcome(part), took);
            for (int i = 0; i < concurrencyRefused; i++) listener.refused("concurrency");
            for (int i = 0; i < quotaRefused; i++) listener.refused("quota");
        }

        private static String outcome(Part<?> part) {
            if (part instanceof Part.Failed<?> failed) return failed.failure().kind().name().toLowerCase(Locale.ROOT);
            return part instanceof Part.Gone<?> ? "not_found" : "ok";
        }
    }
}
