package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.HistoryEntry.Kind;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link AccountHistory} must do. */
public abstract class AccountHistoryContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final UserId ALICE = new UserId("111");
    private static final UserId BOB = new UserId("222");

    /** An empty history store. */
    protected abstract AccountHistory history();

    @Test
    void anUnknownPersonHasNoHistory() {
        assertThat(history().latest(new UserId("nobody"), 10)).isEmpty();
    }

    @Test
    void returnsEntriesNewestFirstWithEveryField() {
        AccountHistory history = history();
        HistoryEntry connected = HistoryEntry.of(NOW, Kind.CONNECTED);
        HistoryEntry failed = HistoryEntry.of(NOW.plusSeconds(60), Kind.REFRESH_FAILED, "invalid_grant (Token has been expired or revoked.)");
        history.append(ALICE, connected);
        history.append(ALICE, failed);
        assertThat(history.latest(ALICE, 10)).containsExactly(failed, connected);
    }

    @Test
    void entriesAtTheSameInstantKeepTheirOrder() {
        AccountHistory history = history();
        HistoryEntry first = HistoryEntry.of(NOW, Kind.REVOKED_BY_GOOGLE, "tokens-revoked");
        HistoryEntry second = HistoryEntry.of(NOW, Kind.SESSIONS_ENDED_BY_GOOGLE, "tokens-revoked");
        history.append(ALICE, first);
        history.append(ALICE, second);
        assertThat(history.latest(ALICE, 10)).containsExactly(second, first);
    }

    @Test
    void latestReturnsAtMostTheLimit() {
        AccountHistory history = history();
        IntStream.range(0, 5).forEach(i -> history.append(ALICE, HistoryEntry.of(NOW.plusSeconds(i), Kind.SESSIONS_ENDED_BY_GOOGLE)));
        assertThat(history.latest(ALICE, 2)).extracting(HistoryEntry::at).containsExactly(NOW.plusSeconds(4), NOW.plusSeconds(3));
    }

    @Test
    void keepsOnlyTheLatestEntriesPerPerson() {
        AccountHistory history = history();
        int written = AccountHistory.MAX_ENTRIES + 7;
        IntStream.range(0, written).forEach(i -> history.append(ALICE, HistoryEntry.of(NOW.plusSeconds(i), Kind.SESSIONS_ENDED_BY_GOOGLE)));
        history.append(BOB, HistoryEntry.of(NOW, Kind.CONNECTED));
        List<HistoryEntry> kept = history.latest(ALICE, written);
        assertThat(kept).hasSize(AccountHistory.MAX_ENTRIES);
        assertThat(kept.get(0).at()).isEqualTo(NOW.plusSeconds(written - 1));
        assertThat(kept.get(kept.size() - 1).at()).isEqualTo(NOW.plusSeconds(written - AccountHistory.MAX_ENTRIES));
        assertThat(history.latest(BOB, 10)).hasSize(1);
    }

    @Test
    void deleteAllOfForgetsThatPersonOnly() {
        AccountHistory history = history();
        history.append(ALICE, HistoryEntry.of(NOW, Kind.CONNECTED));
        history.append(ALICE, HistoryEntry.of(NOW, Kind.SESSIONS_ENDED_BY_GOOGLE));
        history.append(BOB, HistoryEntry.of(NOW, Kind.CONNECTED));
        assertThat(history.deleteAllOf(ALICE)).isEqualTo(2);
        assertThat(history.latest(ALICE, 10)).isEmpty();
        assertThat(history.latest(BOB, 10)).hasSize(1);
    }
}
