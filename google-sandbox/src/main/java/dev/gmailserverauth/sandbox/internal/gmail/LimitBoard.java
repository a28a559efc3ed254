package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.LimitUsage;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-user quota units over a rolling minute and per-user concurrency slots. Thread-safe. Users are keyed by
 * their Google account id; every charge and refusal is counted, also when the limits are not enforced.
 */
public final class LimitBoard {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final SandboxClock clock;
    private final SandboxLimits configured;
    private SandboxLimits limits;
    private final Map<String, Usage> byUser = new HashMap<>();

    /** The answer to a quota charge. */
    public sealed interface Charge {
        record Charged() implements Charge {}

        /** Over the minute's budget; enough units free up after {@code freesIn}. Nothing was charged. */
        record OverQuota(Duration freesIn) implements Charge {}
    }

    /** A held concurrency slot; closing it frees the slot (once). */
    public final class Slot implements AutoCloseable {
        private final String userId;
        private boolean released;

        private Slot(String userId) {
            this.userId = userId;
        }

        public String userId() {
            return userId;
        }

        @Override
        public void close() {
            synchronized (LimitBoard.this) {
                if (released) return;
                released = true;
                byUser.get(userId).inFlight--;
            }
        }
    }

    public LimitBoard(SandboxClock clock, SandboxLimits configured) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.configured = Objects.requireNonNull(configured, "configured");
        this.limits = configured;
    }

    public synchronized SandboxLimits limits() {
        return limits;
    }

    public synchronized void set(SandboxLimits newLimits) {
        limits = Objects.requireNonNull(newLimits, "limits");
    }

    /** Back to the limits the sandbox was started with; usage forgotten. */
    public synchronized void restoreConfigured() {
        limits = configured;
        resetUsage();
    }

    /** Forgets spent units, refusals and peaks (calls running now keep their slots). */
    public synchronized void resetUsage() {
        byUser.values().forEach(Usage::clearCounts);
        byUser.values().removeIf(u -> u.inFlight == 0);
    }

    /** A slot for one call of this user, or empty when the user already has the maximum running (counted). */
    public synchronized Optional<Slot> enter(String userId) {
        return enterAll(List.of(userId)).get(0);
    }

    /**
     * Slots for calls that start at the same moment, such as the parts of one batch: taken in order, so when
     * the user's cap is reached the later calls are the ones refused.
     */
    public synchronized List<Optional<Slot>> enterAll(List<String> userIds) {
        List<Optional<Slot>> slots = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            Usage usage = usage(userId);
            if (limits.enforced() && usage.inFlight >= limits.concurrentRequests()) {
                usage.concurrencyRefusals++;
                slots.add(Optional.empty());
            } else {
                usage.inFlight++;
                usage.peak = Math.max(usage.peak, usage.inFlight);
                slots.add(Optional.of(new Slot(userId)));
            }
        }
        return slots;
    }

    /** Charges {@code units} to the user's rolling minute unless that would pass the budget. */
    public synchronized Charge charge(String userId, int units) {
        if (units < 1) throw new IllegalArgumentException("units must be >= 1");
        Instant now = clock.now();
        Usage usage = usage(userId);
        usage.expire(now);
        if (limits.enforced() && usage.unitsInWindow + units > limits.unitsPerMinute()) {
            usage.quotaRefusals++;
            return new Charge.OverQuota(usage.freesIn(now, units, limits.unitsPerMinute()));
        }
        usage.add(now, units);
        return new Charge.Charged();
    }

    /** What this user has spent and been refused. */
    public synchronized LimitUsage usageOf(String userId) {
        Usage usage = byUser.get(userId);
        if (usage == null) return LimitUsage.NONE;
        usage.expire(clock.now());
        return new LimitUsage(usage.unitsInWindow, usage.unitsTotal, usage.quotaRefusals, usage.concurrencyRefusals,
                usage.inFlight, usage.peak);
    }

    private Usage usage(String userId) {
        return byUser.computeIfAbsent(userId, id -> new Usage());
    }

    private record Spent(Instant at, int units) {}

    private static final class Usage {
        private final Deque<Spent> window = new ArrayDeque<>();
        private long unitsInWindow;
        private long unitsTotal;
        private long quotaRefusals;
        private long concurrencyRefusals;
        private int inFlight;
        private int peak;

        void add(Instant at, int units) {
            window.addLast(new Spent(at, units));
            unitsInWindow += units;
            unitsTotal += units;
        }

        /** A charge made at t counts while now < t + 1 minute. */
        void expire(Instant now) {
            while (!window.isEmpty() && !now.isBefore(window.peekFirst().at().plus(WINDOW))) {
                unitsInWindow -= window.pollFirst().units();
            }
        }

        /** How long until the oldest charges leave the window and {@code units} more fit in {@code budget}. */
        Duration freesIn(Instant now, int units, long budget) {
            long inWindow = unitsInWindow;
            for (Spent spent : window) {
                inWindow -= spent.units();
                if (inWindow + units <= budget) return Duration.between(now, spent.at().plus(WINDOW));
            }
            return WINDOW;  // more than the whole budget: never fits, a minute is the honest answer
        }

        void clearCounts() {
            window.clear();
            unitsInWindow = 0;
            unitsTotal = 0;
            quotaRefusals = 0;
            concurrencyRefusals = 0;
            peak = inFlight;
        }
    }
}
