package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link UserBudget}s of this instance, one per Google user: every request of a person, web or API, under
 * whichever access token, shares one budget, so what it learnt (how many calls Google lets run at once, the
 * units spent, a quota Google reported spent) survives the hourly token refresh and the person's next visit.
 * A budget is dropped once nobody has used it for {@link #REMEMBERED_FOR} (or two quota windows, if longer); the
 * person then starts again from {@link GmailLimits}' defaults.
 */
final class UserBudgets {
    /** How long what was learnt about an idle person is kept: longer than an access token lives. */
    static final Duration REMEMBERED_FOR = Duration.ofHours(1);
    private final GmailLimits limits;
    private final RetryPolicy policy;
    private final Clock clock;
    private final GoogleCallListener listener;
    private final ConcurrentMap<UserId, UserBudget> byUser = new ConcurrentHashMap<>();
    private volatile Instant nextSweep;

    UserBudgets(GmailLimits limits, RetryPolicy policy, Clock clock, GoogleCallListener listener) {
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.nextSweep = clock.instant().plus(limits.quotaWindow());
    }

    UserBudget of(UserId user) {
        sweepIfDue();
        return byUser.computeIfAbsent(user, k -> new UserBudget(limits, policy, clock, listener));
    }

    int size() {
        return byUser.size();
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) return;
        nextSweep = now.plus(limits.quotaWindow());
        Duration twoWindows = limits.quotaWindow().multipliedBy(2);
        Instant cutoff = now.minus(twoWindows.compareTo(REMEMBERED_FOR) > 0 ? twoWindows : REMEMBERED_FOR);
        byUser.values().removeIf(budget -> budget.idleSince(cutoff));
    }
}
