package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FetchedSummariesTest {
    private final FetchedSummaries fetched = FetchedSummaries.keeping(3);
    private final UserId alice = new UserId("1001");
    private final UserId bob = new UserId("1002");
    private static final HistoryId FROM = new HistoryId(BigInteger.valueOf(100));

    private static MessageSummary summary(String id) {
        return new MessageSummary(new MessageId(id), new ThreadId(id), "Subject", "Bob <bob@example.com>", Instant.EPOCH, "", Set.of());
    }

    @Test
    void keepsWhatACatchUpReadUntilItsCheckpointMoves() {
        fetched.of(alice, FROM).put(summary("m1"));

        assertThat(fetched.of(alice, FROM).get(new MessageId("m1"))).isPresent();
        assertThat(fetched.of(alice, new HistoryId(BigInteger.valueOf(101))).get(new MessageId("m1"))).as("another catch-up").isEmpty();
        assertThat(fetched.of(alice, FROM).get(new MessageId("m1"))).as("dropped with the old checkpoint").isEmpty();
    }

    @Test
    void aGapCheckpointDropsWhatWasReadBeforeIt() {
        FetchedSummaries.Held held = fetched.of(alice, FROM);
        held.put(summary("m1"));
        held.gapCheckpoint(new HistoryId(BigInteger.valueOf(150)));

        assertThat(held.get(new MessageId("m1"))).isEmpty();
        assertThat(fetched.of(alice, FROM).gapCheckpoint()).contains(new HistoryId(BigInteger.valueOf(150)));
        fetched.done(alice);
        assertThat(fetched.of(alice, FROM).gapCheckpoint()).isEmpty();
    }

    @Test
    void aboveItsBoundTheAccountUsedLeastRecentlyGoesFirst() {
        fetched.of(alice, FROM).put(summary("a1"));
        fetched.of(alice, FROM).put(summary("a2"));
        fetched.of(bob, FROM).put(summary("b1"));
        fetched.of(bob, FROM).put(summary("b2"));

        assertThat(fetched.of(bob, FROM).get(new MessageId("b1"))).as("the account asked for stays").isPresent();
        assertThat(fetched.of(alice, FROM).get(new MessageId("a1"))).isEmpty();
    }
}
