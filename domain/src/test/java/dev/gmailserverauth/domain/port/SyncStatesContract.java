package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.Backfill;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link SyncStates} must do. */
public abstract class SyncStatesContract {
    protected static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    protected static final UserId ALICE = new UserId("111");
    protected static final UserId BOB = new UserId("222");

    /** An empty store. */
    protected abstract SyncStates states();

    protected static SyncState starting(UserId user, String email) {
        return SyncState.starting(user, new EmailAddress(email), HistoryId.parse("4711"), Backfill.of(1000), NOW);
    }

    @Test
    void beginStoresEveryFieldOnceAndRefusesASecondBeginning() {
        SyncStates states = states();
        SyncState alice = starting(ALICE, "alice@example.com");
        assertThat(states.begin(alice)).isTrue();
        assertThat(states.begin(starting(ALICE, "other@example.com"))).isFalse();
        assertThat(states.find(ALICE)).contains(alice);
        assertThat(states.find(BOB)).isEmpty();
    }

    @Test
    void aHistoryIdAboveTheLongRangeSurvives() {
        SyncStates states = states();
        HistoryId huge = new HistoryId(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        states.begin(SyncState.starting(ALICE, new EmailAddress("alice@example.com"), huge, Backfill.of(0), NOW));
        assertThat(states.find(ALICE).orElseThrow().checkpoint()).isEqualTo(huge);
        assertThat(states.find(ALICE).orElseThrow().progress().backfill()).isEmpty();
    }

    @Test
    void findsByAddressIgnoringCase() {
        SyncStates states = states();
        states.begin(starting(ALICE, "alice@example.com"));
        states.begin(starting(BOB, "bob@example.com"));
        assertThat(states.findByEmail(new EmailAddress("Alice@Example.com"))).map(SyncState::user).contains(ALICE);
        assertThat(states.findByEmail(new EmailAddress("carol@example.com"))).isEmpty();
        assertThat(states.all()).extracting(SyncState::user).containsExactly(ALICE, BOB);
    }

    @Test
    void keepsGooglesWatchExpirationUntilTheWatchEnds() {
        SyncStates states = states();
        states.begin(starting(ALICE, "alice@example.com"));
        Instant expiration = Instant.ofEpochMilli(1431990098200L);
        states.recordWatch(ALICE, Optional.of(expiration));
        assertThat(states.find(ALICE).orElseThrow().watchExpiration()).contains(expiration);
        states.recordWatch(ALICE, Optional.empty());
        assertThat(states.find(ALICE).orElseThrow().watchExpiration()).isEmpty();
    }

    @Test
    void notificationsStayPendingUntilARunThatBeganAfterThemEnds() {
        SyncStates states = states();
        states.begin(starting(ALICE, "alice@example.com"));
        states.recordNotification(ALICE, NOW.plusSeconds(1));
        states.recordNotification(ALICE, NOW.plusSeconds(2));
        SyncState notified = states.find(ALICE).orElseThrow();
        assertThat(notified.lastNotification()).contains(NOW.plusSeconds(2));
        assertThat(notified.pendingSince()).contains(NOW.plusSeconds(1));

        states.recordSynced(ALICE, NOW.plusSeconds(4), NOW.plusSeconds(3));
        SyncState synced = states.find(ALICE).orElseThrow();
        assertThat(synced.pendingSince()).isEmpty();
        assertThat(synced.lastSynced()).contains(NOW.plusSeconds(4));
        assertThat(synced.lag()).contains(Duration.ofSeconds(3));

        states.recordNotification(ALICE, NOW.plusSeconds(10));
        states.recordSynced(ALICE, NOW.plusSeconds(11), NOW.plusSeconds(9));
        assertThat(states.find(ALICE).orElseThrow().pendingSince()).as("arrived while the run went on").contains(NOW.plusSeconds(10));
    }

    @Test
    void countsGapsAndRepairsAndChangesStatus() {
        SyncStates states = states();
        states.begin(starting(ALICE, "alice@example.com"));
        states.recordGapFilled(ALICE, "12 listed, 3 added, 1 removed");
        states.recordGapFilled(ALICE, "2 listed, 0 added, 0 removed");
        states.recordRepairs(ALICE, 4);
        states.recordRepairs(ALICE, 1);
        states.setStatus(ALICE, SyncStatus.PAUSED);
        SyncState state = states.find(ALICE).orElseThrow();
        assertThat(state.gapsFilled()).isEqualTo(2);
        assertThat(state.lastGap()).contains("2 listed, 0 added, 0 removed");
        assertThat(state.repairs()).isEqualTo(5);
        assertThat(state.status()).isEqualTo(SyncStatus.PAUSED);
    }

    @Test
    void deleteForgetsThatAccountOnly() {
        SyncStates states = states();
        states.begin(starting(ALICE, "alice@example.com"));
        states.begin(starting(BOB, "bob@example.com"));
        assertThat(states.delete(ALICE)).isTrue();
        assertThat(states.delete(ALICE)).isFalse();
        assertThat(states.find(ALICE)).isEmpty();
        assertThat(states.find(BOB)).isPresent();
    }
}
