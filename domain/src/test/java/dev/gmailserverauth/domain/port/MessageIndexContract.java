package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.model.Backfill;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MessageIndex} must do, with the {@link SyncStates} of the same store. */
public abstract class MessageIndexContract {
    protected static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UserId ALICE = new UserId("111");
    private static final UserId BOB = new UserId("222");
    private static final LabelId SPAM = new LabelId("SPAM");
    private static final LabelId TRASH = new LabelId("TRASH");
    private static final SyncProgress START = new SyncProgress(HistoryId.parse("100"), Optional.of(Backfill.of(10)));

    private MessageIndex index;
    private SyncStates states;

    /** An empty index. */
    protected abstract MessageIndex index();

    /** The sync states of the same store as {@link #index()}. */
    protected abstract SyncStates states();

    @BeforeEach
    void twoAccountsStartSyncing() {
        index = index();
        states = states();
        states.begin(SyncState.starting(ALICE, new EmailAddress("alice@example.com"), START.checkpoint(), Backfill.of(10), NOW));
        states.begin(SyncState.starting(BOB, new EmailAddress("bob@example.com"), START.checkpoint(), Backfill.of(10), NOW));
    }

    private static MessageSummary summary(String id, int minute, LabelId... labels) {
        return new MessageSummary(new MessageId(id), new ThreadId("t" + id), "Subject ü " + id, "Ann <ann@example.com>",
                NOW.plusSeconds(60L * minute), "snippet of " + id, Set.of(labels));
    }

    private static SyncProgress at(String historyId) {
        return new SyncProgress(HistoryId.parse(historyId), Optional.empty());
    }

    private boolean put(UserId user, SyncProgress from, SyncProgress to, MessageSummary... summaries) {
        return index.apply(user, List.of(summaries).stream().<IndexWrite>map(IndexWrite.Put::new).toList(), from, to);
    }

    @Test
    void appliesWritesAndMovesTheProgressTogether() {
        assertThat(put(ALICE, START, at("200"), summary("a1", 1, LabelId.INBOX), summary("a2", 2, LabelId.INBOX, LabelId.UNREAD))).isTrue();
        assertThat(states.find(ALICE).orElseThrow().progress()).isEqualTo(at("200"));
        assertThat(index.list(ALICE, IndexView.ALL, Optional.empty(), PageSize.DEFAULT).items())
                .containsExactly(summary("a2", 2, LabelId.INBOX, LabelId.UNREAD), summary("a1", 1, LabelId.INBOX));
        assertThat(index.count(ALICE)).isEqualTo(2);
        assertThat(index.count(BOB)).isZero();
    }

    @Test
    void theProgressSaysWhenTheIndexHoldsTheWholeMailbox() {
        SyncProgress whole = at("200").whole();
        assertThat(put(ALICE, START, whole, summary("a1", 1))).isTrue();
        assertThat(states.find(ALICE).orElseThrow().progress()).isEqualTo(whole);
        assertThat(put(ALICE, at("200"), at("300"), summary("a2", 2))).as("not the stored progress").isFalse();
        assertThat(put(ALICE, whole, whole.withCheckpoint(HistoryId.parse("300")), summary("a2", 2))).isTrue();
        assertThat(states.find(ALICE).orElseThrow().progress().wholeMailbox()).isTrue();
    }

    @Test
    void aPageAppliedTwiceChangesNothingTheSecondTime() {
        List<IndexWrite> page = List.of(new IndexWrite.Put(summary("a1", 1, LabelId.INBOX)), new IndexWrite.Remove(new MessageId("a1")));
        assertThat(index.apply(ALICE, page, START, at("200"))).isTrue();
        assertThat(index.apply(ALICE, List.of(new IndexWrite.Put(summary("a9", 9))), START, at("300"))).as("stale progress").isFalse();
        assertThat(index.count(ALICE)).isZero();
        assertThat(states.find(ALICE).orElseThrow().progress()).isEqualTo(at("200"));
    }

    @Test
    void theSameWriteTwiceEndsAsOnce() {
        MessageId a1 = new MessageId("a1");
        List<IndexWrite> writes = List.of(new IndexWrite.Put(summary("a1", 1, LabelId.INBOX, LabelId.UNREAD)),
                new IndexWrite.Put(summary("a1", 1, LabelId.INBOX, LabelId.UNREAD)),
                new IndexWrite.AddLabels(a1, Set.of(LabelId.STARRED)), new IndexWrite.AddLabels(a1, Set.of(LabelId.STARRED)),
                new IndexWrite.RemoveLabels(a1, Set.of(LabelId.UNREAD)), new IndexWrite.RemoveLabels(a1, Set.of(LabelId.UNREAD)),
                new IndexWrite.Remove(new MessageId("gone")), new IndexWrite.Remove(new MessageId("gone")),
                new IndexWrite.AddLabels(new MessageId("unknown"), Set.of(LabelId.INBOX)));
        assertThat(index.apply(ALICE, writes, START, START)).isTrue();
        assertThat(index.list(ALICE, IndexView.ALL, Optional.empty(), PageSize.DEFAULT).items())
                .containsExactly(summary("a1", 1, LabelId.INBOX, LabelId.STARRED));
    }

    @Test
    void findsTheSummariesItHoldsByIdWithTheirLabelsNowAndLeavesOutTheRest() {
        put(ALICE, START, START, summary("a1", 1, LabelId.INBOX, LabelId.UNREAD), summary("a2", 2, LabelId.INBOX));
        put(BOB, START, START, summary("b1", 1, LabelId.INBOX));
        index.apply(ALICE, List.of(new IndexWrite.AddLabels(new MessageId("a1"), Set.of(LabelId.STARRED))), START, START);

        assertThat(index.find(ALICE, List.of(new MessageId("a1"), new MessageId("b1"), new MessageId("nope"), new MessageId("a1"))))
                .as("one per id it holds; another account's message is not this one's")
                .containsExactly(summary("a1", 1, LabelId.INBOX, LabelId.UNREAD, LabelId.STARRED));
        assertThat(index.find(ALICE, List.of())).isEmpty();
        List<MessageId> many = IntStream.range(0, 1200).mapToObj(i -> new MessageId("x" + i)).toList();
        List<MessageId> asked = new ArrayList<>(many);
        asked.add(new MessageId("a2"));
        assertThat(index.find(ALICE, asked)).as("more ids than one statement binds").containsExactly(summary("a2", 2, LabelId.INBOX));
    }

    @Test
    void labelViewsShowTheirMessagesAndTheUnfilteredViewHidesSpamAndTrash() {
        put(ALICE, START, START, summary("in", 5, LabelId.INBOX, LabelId.UNREAD), summary("star", 4, LabelId.STARRED),
                summary("spam", 3, SPAM), summary("trashed", 2, LabelId.INBOX, TRASH), summary("own", 1, new LabelId("Label_7")));
        assertThat(ids(IndexView.ALL)).containsExactly("in", "star", "own");
        assertThat(ids(IndexView.of(LabelId.INBOX))).containsExactly("in");
        assertThat(ids(IndexView.of(LabelId.UNREAD))).containsExactly("in");
        assertThat(ids(IndexView.of(LabelId.STARRED))).containsExactly("star");
        assertThat(ids(IndexView.of(TRASH))).containsExactly("trashed");
        assertThat(ids(IndexView.of(SPAM))).containsExactly("spam");
        assertThat(ids(IndexView.of(new LabelId("Label_7")))).containsExactly("own");
    }

    @Test
    void pagesRunNewestFirstWithoutGapsOrRepeatsEvenAtEqualDates() {
        MessageSummary[] all = IntStream.range(0, 7).mapToObj(i -> summary("m" + i, i / 2, LabelId.INBOX)).toArray(MessageSummary[]::new);
        put(ALICE, START, START, all);
        List<String> seen = new ArrayList<>();
        Optional<PageToken> next = Optional.empty();
        do {
            Page<MessageSummary> page = index.list(ALICE, IndexView.of(LabelId.INBOX), next, new PageSize(3));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            assertThat(page.resultSizeEstimate()).isEqualTo(7);
            page.items().forEach(s -> seen.add(s.id().value()));
            next = page.nextPageToken();
        } while (next.isPresent());
        assertThat(seen).containsExactly("m6", "m5", "m4", "m3", "m2", "m1", "m0");
    }

    @Test
    void aForeignPageTokenIsRefused() {
        assertThatThrownBy(() -> index.list(ALICE, IndexView.ALL, Optional.of(new PageToken("not-ours")), PageSize.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsSinceAndDeleteAreByAccount() {
        put(ALICE, START, START, summary("old", 1), summary("new", 9));
        put(BOB, START, START, summary("bobs", 9));
        assertThat(index.idsSince(ALICE, NOW.plusSeconds(60 * 5))).containsExactly(new MessageId("new"));
        assertThat(index.deleteAllOf(ALICE)).isEqualTo(2);
        assertThat(index.count(ALICE)).isZero();
        assertThat(index.count(BOB)).isEqualTo(1);
    }

    @Test
    void applyingForAnAccountWithoutSyncWritesNothing() {
        UserId carol = new UserId("333");
        assertThat(put(carol, START, at("200"), summary("c1", 1))).isFalse();
        assertThat(index.count(carol)).isZero();
    }

    private List<String> ids(IndexView view) {
        return index.list(ALICE, view, Optional.empty(), PageSize.DEFAULT).items().stream().map(s -> s.id().value()).toList();
    }
}
