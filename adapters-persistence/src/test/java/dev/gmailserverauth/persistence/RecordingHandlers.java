package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.jobs.SyncJobHandlers;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Job handlers that count what ran, per account, and how many runs of one account were ever inside at once;
 * each account's sync asks to run again right away until it ran {@code runsPerAccount} times.
 */
final class RecordingHandlers implements SyncJobHandlers {
    private final int runsPerAccount;
    private final Map<UserId, Integer> runsOf;
    /** Every sync run, in the order they ran. */
    final java.util.List<UserId> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<UserId, AtomicInteger> syncs = new ConcurrentHashMap<>();
    final Map<UserId, AtomicInteger> inside = new ConcurrentHashMap<>();
    final Map<UserId, AtomicInteger> watches = new ConcurrentHashMap<>();
    final AtomicInteger mostInsideAtOnce = new AtomicInteger();
    final AtomicInteger pulls = new AtomicInteger();
    final AtomicInteger deliveryRuns = new AtomicInteger();
    final AtomicInteger deliveriesInsideAtOnce = new AtomicInteger();
    final AtomicInteger mostDeliveriesInsideAtOnce = new AtomicInteger();

    RecordingHandlers(int runsPerAccount) {
        this(runsPerAccount, Map.of());
    }

    /** With a number of runs of their own for some accounts. */
    RecordingHandlers(int runsPerAccount, Map<UserId, Integer> runsOf) {
        this.runsPerAccount = runsPerAccount;
        this.runsOf = Map.copyOf(runsOf);
    }

    @Override
    public Optional<Instant> sync(UserId user) {
        int now = inside.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
        mostInsideAtOnce.accumulateAndGet(now, Math::max);
        try {
            // Long enough for another instance to try the same account, without guessing at timing: work, not sleep.
            long until = System.nanoTime() + 5_000_000;
            while (System.nanoTime() < until) Thread.onSpinWait();
            int runs = syncs.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
            ran.add(user);
            return Optional.of(runs < runsOf.getOrDefault(user, runsPerAccount) ? Instant.now() : Instant.now().plusSeconds(3600));
        } finally {
            inside.get(user).decrementAndGet();
        }
    }

    @Override
    public void renewWatch(UserId user) {
        watches.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void checkCompleteness(UserId user) {
    }

    @Override
    public void pull() {
        pulls.incrementAndGet();
    }

    @Override
    public void deliverWebhooks() {
        mostDeliveriesInsideAtOnce.accumulateAndGet(deliveriesInsideAtOnce.incrementAndGet(), Math::max);
        try {
            long until = System.nanoTime() + 5_000_000;
            while (System.nanoTime() < until) Thread.onSpinWait();
            deliveryRuns.incrementAndGet();
        } finally {
            deliveriesInsideAtOnce.decrementAndGet();
        }
    }

    int syncsOf(UserId user) {
        return syncs.getOrDefault(user, new AtomicInteger()).get();
    }

    int totalSyncs() {
        return syncs.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
