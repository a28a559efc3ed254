package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One user's share of Gmail in this instance, across all of that user's concurrent requests:
 * <ul>
 *   <li><b>calls in flight</b>, batch parts counted one by one, under an adaptive limit that starts at
 *       {@link GmailLimits#startingConcurrency()}, drops to what Google accepted when it refuses calls as too
 *       many at once, and grows by a quarter, up to {@link GmailLimits#concurrentRequests()}, after every
 *       {@value #FULL_ROUNDS_TO_GROW} rounds that used it all without a refusal (so that a user at a steady limit
 *       meets few refusals). What it learnt stays with the person ({@link UserBudgets});</li>
 *   <li><b>quota units</b> spent in the rolling window ({@link GmailMethod} costs), kept below
 *       {@link GmailLimits#unitsPerMinute()}: a call that does not fit waits until enough units age out, or,
 *       if that is past the deadline, is answered "rate limited until then" without asking Google;</li>
 *   <li><b>the quota window Google reported</b>: after a quota refusal no call goes before
 *       {@code Retry-After}, or before the policy's backoff, which doubles with each refusal in a row
 *       (1 s, 2 s, 4 s … 32 s by default: sized for a per-minute window). Requests in between are answered
 *       at once when that time is past their deadline.</li>
 * </ul>
 * Refused calls are counted as spent: Google does not say, and counting them keeps the pace on the safe side.
 * For the same reason a spend is kept {@link #WINDOW_MARGIN} longer than the window: it is noted when the call
 * leaves, while Google counts it when the call arrives, and the parts of a batch start one after another.
 */
final class UserBudget implements CallGate {
    static final int FULL_ROUNDS_TO_GROW = 2;
    static final Duration WINDOW_MARGIN = Duration.ofSeconds(1);
    private final GmailLimits limits;
    private final RetryPolicy policy;
    private final Clock clock;
    private final GoogleCallListener listener;
    /** Units spent, oldest first. */
    private final Deque<Spend> spends = new ArrayDeque<>();
    private int spentUnits;
    private int limit;
    private int inFlight;
    private Instant blockedUntil = Instant.EPOCH;
    private int quotaRefusalsInARow;
    private int fullRoundsInARow;
    private Instant lastUsed;

    private record Spend(Instant at, int units) {
    }

    UserBudget(GmailLimits limits, RetryPolicy policy, Clock clock, GoogleCallListener listener) {
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.limit = limits.startingConcurrency();
        this.lastUsed = clock.instant();
    }

    @Override
    public synchronized Admission admit(int wanted, int unitsEach, Instant deadline) {
        while (true) {
            Instant now = clock.instant();
            lastUsed = now;
            forgetSpendsBefore(now.minus(window()));
            if (now.isBefore(blockedUntil)) {
                if (blockedUntil.isAfter(deadline)) return shortCircuit(blockedUntil);
                waitUntil(now, blockedUntil);
                continue;
            }
            int affordable = unitsEach == 0 ? wanted : (limits.unitsPerMinute() - spentUnits) / unitsEach;
            if (affordable < 1) {
                Instant frees = whenAffordable(now, unitsEach);
                if (frees.isAfter(deadline)) return shortCircuit(frees);
                waitUntil(now, frees);
                continue;
            }
            int free = limit - inFlight;
            if (free < 1) {
                if (!now.isBefore(deadline)) return new Admission.Expired();
                waitUntil(now, deadline);
                continue;
            }
            int calls = Math.min(wanted, Math.min(free, affordable));
            inFlight += calls;
            spend(now, calls * unitsEach);
            return new Admission.Granted(calls);
        }
    }

    @Override
    public synchronized void finished(Admission.Granted granted, RoundResult result) {
        inFlight -= granted.calls();
        Instant now = clock.instant();
        if (result.concurrencyRefused() > 0) {
            int accepted = granted.calls() - result.concurrencyRefused();
            limit = Math.max(1, Math.min(limit - 1, accepted + inFlight));
            fullRoundsInARow = 0;
        } else if (result.quotaRefused() == 0 && granted.calls() >= limit && ++fullRoundsInARow >= FULL_ROUNDS_TO_GROW) {
            limit = Math.min(limits.concurrentRequests(), limit + Math.max(1, limit / 4));
            fullRoundsInARow = 0;
        }
        if (result.quotaRefused() > 0) {
            Duration backoff = policy.backoff(quotaRefusalsInARow++);
            Duration wait = result.retryAfter().filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
            Instant until = now.plus(wait);
            if (until.isAfter(blockedUntil)) blockedUntil = until;
        } else if (result.answered() > 0) {
            quotaRefusalsInARow = 0;
        }
        notifyAll();
    }

    @Override
    public synchronized Instant quotaFreesAt() {
        return blockedUntil;
    }

    @Override
    public boolean metered() {
        return true;
    }

    /** The current limit on calls in flight (for tests and logs). */
    synchronized int concurrencyLimit() {
        return limit;
    }

    /** Units spent in the current window. */
    synchronized int unitsInWindow() {
        forgetSpendsBefore(clock.instant().minus(window()));
        return spentUnits;
    }

    /** Nothing in flight, nothing remembered: the budget can be dropped. */
    synchronized boolean idleSince(Instant cutoff) {
        return inFlight == 0 && lastUsed.isBefore(cutoff) && !blockedUntil.isAfter(clock.instant());
    }

    private Admission shortCircuit(Instant retryAt) {
        listener.refused("short_circuit");
        return new Admission.RateLimited(retryAt);
    }

    private void spend(Instant now, int units) {
        if (units == 0) return;
        spends.addLast(new Spend(now, units));
        spentUnits += units;
    }

    private void forgetSpendsBefore(Instant cutoff) {
        while (!spends.isEmpty() && !spends.peekFirst().at().isAfter(cutoff)) spentUnits -= spends.removeFirst().units();
    }

    /** When enough spent units will have aged out of the window for one more call of {@code units}. */
    private Instant whenAffordable(Instant now, int units) {
        int left = spentUnits;
        for (Spend spend : spends) {
            left -= spend.units();
            if (left + units <= limits.unitsPerMinute()) return spend.at().plus(window());
        }
        return now.plus(window());
    }

    private Duration window() {
        return limits.quotaWindow().plus(WINDOW_MARGIN);
    }

    private void waitUntil(Instant now, Instant until) {
        long millis = Math.max(1, Duration.between(now, until).toMillis());
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting for Gmail's per-user limits", e);
        }
    }
}
