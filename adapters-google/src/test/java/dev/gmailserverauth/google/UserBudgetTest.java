package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The budget's rules on a clock that only moves when told (no path here waits). */
class UserBudgetTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ZERO, Duration.ofSeconds(10));
    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingListener listener = new RecordingListener();

    private UserBudget budget(GmailLimits limits) {
        return new UserBudget(limits, POLICY, clock, listener);
    }

    private static CallGate.RoundResult refusedForConcurrency(int refused, int answered) {
        return new CallGate.RoundResult(refused, 0, answered, Optional.empty());
    }

    private static CallGate.Admission.Granted granted(CallGate.Admission admission) {
        assertThat(admission).isInstanceOf(CallGate.Admission.Granted.class);
        return (CallGate.Admission.Granted) admission;
    }

    @Test
    void aRoundGetsNoMoreThanTheFreeSlots() {
        UserBudget budget = budget(GmailLimits.DEFAULT.withConcurrentRequests(10));
        CallGate.Admission.Granted first = granted(budget.admit(8, 5, NOW.plusSeconds(10)));
        assertThat(first.calls()).isEqualTo(8);
        assertThat(granted(budget.admit(50, 5, NOW.plusSeconds(10))).calls()).isEqualTo(2);
    }

    @Test
    void refusedForConcurrencyTheLimitDropsToWhatWasAcceptedAndGrowsBackAfterFullRounds() {
        UserBudget budget = budget(GmailLimits.DEFAULT.withStartingConcurrency(GmailLimits.MAX_BATCH));
        budget.finished(granted(budget.admit(50, 5, NOW.plusSeconds(10))), refusedForConcurrency(40, 10));
        assertThat(budget.concurrencyLimit()).isEqualTo(10);

        fullRound(budget);
        assertThat(budget.concurrencyLimit()).isEqualTo(10);
        fullRound(budget);
        assertThat(budget.concurrencyLimit()).isEqualTo(12);
        fullRound(budget);
        fullRound(budget);
        assertThat(budget.concurrencyLimit()).isEqualTo(15);
        // A round smaller than the limit says nothing about the limit.
        budget.finished(granted(budget.admit(3, 5, NOW.plusSeconds(10))), refusedForConcurrency(0, 3));
        budget.finished(granted(budget.admit(3, 5, NOW.plusSeconds(10))), refusedForConcurrency(0, 3));
        assertThat(budget.concurrencyLimit()).isEqualTo(15);
    }

    @Test
    void aPersonStartsAtTwentyCallsAtOnceAndGrowsTowardsFiftyWhileGoogleAcceptsThemAll() {
        UserBudget budget = budget(GmailLimits.DEFAULT);
        assertThat(budget.concurrencyLimit()).isEqualTo(GmailLimits.STARTING_CONCURRENCY).isEqualTo(20);
        CallGate.Admission.Granted first = granted(budget.admit(50, 5, NOW.plusSeconds(10)));
        assertThat(first.calls()).isEqualTo(20);
        budget.finished(first, refusedForConcurrency(0, 20));
        for (int round = 0; round < 20; round++) fullRound(budget);
        assertThat(budget.concurrencyLimit()).isEqualTo(GmailLimits.MAX_BATCH);
    }

    private static void fullRound(UserBudget budget) {
        CallGate.Admission.Granted granted = granted(budget.admit(50, 5, NOW.plusSeconds(10)));
        budget.finished(granted, refusedForConcurrency(0, granted.calls()));
    }

    @Test
    void theLimitNeverDropsBelowOne() {
        UserBudget budget = budget(GmailLimits.DEFAULT.withConcurrentRequests(2));
        budget.finished(granted(budget.admit(2, 5, NOW.plusSeconds(10))), refusedForConcurrency(2, 0));
        assertThat(budget.concurrencyLimit()).isEqualTo(1);
        budget.finished(granted(budget.admit(1, 5, NOW.plusSeconds(10))), refusedForConcurrency(1, 0));
        assertThat(budget.concurrencyLimit()).isEqualTo(1);
    }

    @Test
    void callsAreCutToTheUnitsLeftInTheWindow() {
        UserBudget budget = budget(GmailLimits.DEFAULT.withUnitsPerMinute(100));
        budget.finished(granted(budget.admit(18, 5, NOW.plusSeconds(10))), refusedForConcurrency(0, 18));
        assertThat(budget.unitsInWindow()).isEqualTo(90);
        assertThat(granted(budget.admit(50, 5, NOW.plusSeconds(10))).calls()).isEqualTo(2);
    }

    @Test
    void unitsThatFreeUpOnlyAfterTheDeadlineAreRateLimitedUntilThenWithoutAskingGoogle() {
        UserBudget budget = budget(GmailLimits.DEFAULT.withUnitsPerMinute(100));
        budget.finished(granted(budget.admit(20, 5, NOW.plusSeconds(10))), refusedForConcurrency(0, 20));
        clock.advance(Duration.ofSeconds(5));
        assertThat(budget.admit(1, 5, clock.instant().plusSeconds(10)))
                .isEqualTo(new CallGate.Admission.RateLimited(NOW.plusSeconds(61)));
        assertThat(listener.refused).containsExactly("short_circuit");

        clock.advance(Duration.ofSeconds(57));
        assertThat(budget.unitsInWindow()).isZero();
        assertThat(granted(budget.admit(20, 5, clock.instant().plusSeconds(10))).calls()).isEqualTo(20);
    }

    @Test
    void aQuotaRefusalIsRememberedAndTheWaitDoublesWhileItGoesOn() {
        UserBudget budget = budget(GmailLimits.DEFAULT);
        budget.finished(granted(budget.admit(1, 5, NOW.plusSeconds(10))), new CallGate.RoundResult(0, 1, 0, Optional.empty()));
        assertThat(budget.quotaFreesAt()).isEqualTo(NOW.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        budget.finished(granted(budget.admit(1, 5, clock.instant().plusSeconds(10))), new CallGate.RoundResult(0, 1, 0, Optional.empty()));
        assertThat(budget.quotaFreesAt()).isEqualTo(NOW.plusSeconds(3));
        // A request whose deadline comes first is answered at once.
        assertThat(budget.admit(1, 5, clock.instant().plusSeconds(1))).isEqualTo(new CallGate.Admission.RateLimited(NOW.plusSeconds(3)));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffDecidesWhenTheQuotaFreesUp() {
        UserBudget budget = budget(GmailLimits.DEFAULT);
        budget.finished(granted(budget.admit(1, 5, NOW.plusSeconds(10))),
                new CallGate.RoundResult(0, 1, 0, Optional.of(Duration.ofSeconds(42))));
        assertThat(budget.quotaFreesAt()).isEqualTo(NOW.plusSeconds(42));
        assertThat(budget.admit(1, 5, NOW.plusSeconds(10))).isEqualTo(new CallGate.Admission.RateLimited(NOW.plusSeconds(42)));
    }

    @Test
    void budgetsAreKeptPerUserAndDroppedWhenIdleLongerThanTheyAreRemembered() {
        UserBudgets budgets = new UserBudgets(GmailLimits.DEFAULT, POLICY, clock, listener);
        var alice = new UserId("100000000000001");
        assertThat(budgets.of(alice)).isSameAs(budgets.of(alice));
        assertThat(budgets.of(new UserId("100000000000002"))).isNotSameAs(budgets.of(alice));
        clock.advance(UserBudgets.REMEMBERED_FOR.plusMinutes(5));
        budgets.of(new UserId("100000000000003"));
        assertThat(budgets.size()).isEqualTo(1);
    }

    @Test
    void whatABudgetLearntIsKeptWhileThePersonIsAwayLessThanItIsRemembered() {
        UserBudgets budgets = new UserBudgets(GmailLimits.DEFAULT, POLICY, clock, listener);
        var alice = new UserId("100000000000001");
        UserBudget budget = budgets.of(alice);
        budget.finished(granted(budget.admit(20, 5, NOW.plusSeconds(10))), refusedForConcurrency(10, 10));
        clock.advance(UserBudgets.REMEMBERED_FOR.minusMinutes(5));
        budgets.of(new UserId("100000000000002"));
        assertThat(budgets.of(alice).concurrencyLimit()).isEqualTo(10);
    }
}
