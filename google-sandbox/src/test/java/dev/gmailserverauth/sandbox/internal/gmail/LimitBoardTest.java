package dev.gmailserverauth.sandbox.internal.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.sandbox.LimitUsage;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitBoardTest {
    private static final String ALICE = "100000000000000000001";
    private static final String BOB = "100000000000000000002";

    private final SandboxClock clock = new SandboxClock(Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC));
    private final LimitBoard board = new LimitBoard(clock, SandboxLimits.google().withUnitsPerMinute(100).withConcurrentRequests(3));

    @Test
    void chargesUpToTheBudgetAndRefusesTheCallThatWouldPassIt() {
        for (int i = 0; i < 20; i++) assertThat(board.charge(ALICE, 5)).isInstanceOf(LimitBoard.Charge.Charged.class);

        assertThat(board.charge(ALICE, 1)).isEqualTo(new LimitBoard.Charge.OverQuota(Duration.ofMinutes(1)));
        assertThat(board.usageOf(ALICE)).isEqualTo(new LimitUsage(100, 100, 1, 0, 0, 0));
        assertThat(board.charge(BOB, 100)).as("each user has a budget of their own").isInstanceOf(LimitBoard.Charge.Charged.class);
    }

    @Test
    void aChargeLeavesTheWindowOneMinuteAfterItWasMade() {
        board.charge(ALICE, 60);
        clock.advance(Duration.ofSeconds(30));
        board.charge(ALICE, 40);

        assertThat(board.charge(ALICE, 10)).isEqualTo(new LimitBoard.Charge.OverQuota(Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(29));
        assertThat(board.charge(ALICE, 10)).isEqualTo(new LimitBoard.Charge.OverQuota(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(board.usageOf(ALICE).unitsLastMinute()).isEqualTo(40);
        assertThat(board.charge(ALICE, 60)).isInstanceOf(LimitBoard.Charge.Charged.class);
        assertThat(board.usageOf(ALICE)).isEqualTo(new LimitUsage(100, 160, 2, 0, 0, 0));
    }

    @Test
    void aRefusedChargeCostsNothing() {
        board.charge(ALICE, 95);
        board.charge(ALICE, 10);
        board.charge(ALICE, 10);

        assertThat(board.usageOf(ALICE).unitsTotal()).isEqualTo(95);
        assertThat(board.charge(ALICE, 5)).isInstanceOf(LimitBoard.Charge.Charged.class);
    }

    @Test
    void callsStartedTogetherEachHoldASlotAndTheLaterOnesAreRefused() {
        List<Optional<LimitBoard.Slot>> batch = board.enterAll(Collections.nCopies(5, ALICE));

        assertThat(batch).extracting(Optional::isPresent).containsExactly(true, true, true, false, false);
        assertThat(board.usageOf(ALICE)).isEqualTo(new LimitUsage(0, 0, 0, 2, 3, 3));
        assertThat(board.enter(ALICE)).as("a second request while the batch runs").isEmpty();
        assertThat(board.enter(BOB)).isPresent();
    }

    @Test
    void aFinishedCallFreesItsSlotOnce() {
        List<Optional<LimitBoard.Slot>> slots = board.enterAll(Collections.nCopies(3, ALICE));
        slots.get(0).orElseThrow().close();
        slots.get(0).orElseThrow().close();

        assertThat(board.usageOf(ALICE).inFlight()).isEqualTo(2);
        assertThat(board.enter(ALICE)).isPresent();
        assertThat(board.enter(ALICE)).isEmpty();
        assertThat(board.usageOf(ALICE).peakConcurrency()).isEqualTo(3);
    }

    @Test
    void limitsThatAreNotEnforcedCountButNeverRefuse() {
        board.set(SandboxLimits.unlimited().withUnitsPerMinute(10).withConcurrentRequests(1));

        assertThat(board.enterAll(Collections.nCopies(4, ALICE))).allMatch(Optional::isPresent);
        assertThat(board.charge(ALICE, 50)).isInstanceOf(LimitBoard.Charge.Charged.class);
        assertThat(board.usageOf(ALICE)).isEqualTo(new LimitUsage(50, 50, 0, 0, 4, 4));
    }

    @Test
    void resetForgetsUsageButRunningCallsKeepTheirSlots() {
        board.charge(ALICE, 100);
        board.charge(ALICE, 1);
        Optional<LimitBoard.Slot> running = board.enter(ALICE);

        board.resetUsage();

        assertThat(board.usageOf(ALICE)).isEqualTo(new LimitUsage(0, 0, 0, 0, 1, 1));
        running.orElseThrow().close();
        assertThat(board.usageOf(ALICE).inFlight()).isZero();
    }

    @Test
    void restoringTheConfiguredLimitsUndoesAChange() {
        board.set(board.limits().withConcurrentRequests(1).withQuotaRefusal(SandboxLimits.QuotaRefusal.TOO_MANY_REQUESTS));
        board.charge(ALICE, 7);

        board.restoreConfigured();

        assertThat(board.limits()).isEqualTo(SandboxLimits.google().withUnitsPerMinute(100).withConcurrentRequests(3));
        assertThat(board.usageOf(ALICE)).isEqualTo(LimitUsage.NONE);
    }
}
