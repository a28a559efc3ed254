package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailboxNotification;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The sync tells every change it applies: which events, with what, in what order, and never twice. */
class SyncEventsTest {
    private static final Instant MAIL_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Set<EventType> SYNC_TYPES = Set.of(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_DELETED,
            EventType.MESSAGE_LABELS_CHANGED, EventType.SYNC_GAP_FILLED);

    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");
    private final UserId user = alice.userId();
    private int sent;

    private List<MessageId> deliver(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            int n = sent++;
            return world.google.addMessage(alice, new NewMessage("Bob <bob@example.com>", "Message " + n, "Body " + n,
                    MAIL_START.plus(Duration.ofMinutes(n)), true));
        }).toList();
    }

    private void sync() {
        world.runSync.run(user);
    }

    private List<NewEvent> told() {
        return world.events.appended().stream().filter(event -> SYNC_TYPES.contains(event.type())).toList();
    }

    private List<String> toldTypes() {
        return told().stream().map(event -> event.type().wireName()).toList();
    }

    private MessageSummary indexed(MessageId id) {
        return world.messageIndex.find(user, List.of(id)).get(0);
    }

    private SyncProgress progress() {
        return world.syncStates.find(user).orElseThrow().progress();
    }

    @Test
    void theFirstBackfillTellsNothingItFoundMessagesThatWereThereBeforeTheConnection() {
        deliver(30);
        world.signIn(alice);
        sync();
        assertThat(world.messageIndex.count(user)).isEqualTo(25);
        assertThat(told()).isEmpty();
    }

    @Test
    void newMailALabelChangeAndADeletionAreToldWithTheSummaryTheIndexHoldsInTheMailboxsOrder() {
        deliver(2);
        world.signIn(alice);
        sync();
        List<MessageId> arrived = deliver(2);
        sync();
        world.google.relabel(alice, arrived.get(0), Set.of(LabelId.STARRED), Set.of(LabelId.UNREAD));
        world.google.pageHistoryBy(1);
        sync();
        world.google.deleteMessage(alice, arrived.get(1));
        sync();

        assertThat(toldTypes()).containsExactly("message.received", "message.received", "message.labels_changed", "message.labels_changed",
                "message.deleted");
        List<NewEvent> told = told();
        assertThat(told).allSatisfy(event -> {
            assertThat(event.account()).isEqualTo(user);
            assertThat(event.email()).isEqualTo(new EmailAddress("alice@example.com"));
        });
        EventPayload.MessageReceived received = (EventPayload.MessageReceived) told.get(0).payload();
        assertThat(received.summary().id()).isEqualTo(arrived.get(0));
        assertThat(received.summary().subject()).isEqualTo("Message 2");
        assertThat(received.summary().from()).isEqualTo("Bob <bob@example.com>");
        assertThat(received.summary().labelIds()).contains(LabelId.UNREAD);
        // Google's history tells the added and the removed label as two records.
        EventPayload.MessageLabelsChanged first = labelsChanged(told.get(2));
        EventPayload.MessageLabelsChanged second = labelsChanged(told.get(3));
        assertThat(List.of(first.added(), first.removed(), second.added(), second.removed()))
                .containsExactlyInAnyOrder(Set.of(LabelId.STARRED), Set.of(), Set.of(), Set.of(LabelId.UNREAD));
        assertThat(second.summary()).as("the last change's summary carries the labels as the index now holds them")
                .isEqualTo(indexed(arrived.get(0)));
        assertThat(second.summary().labelIds()).contains(LabelId.STARRED).doesNotContain(LabelId.UNREAD);
        assertThat(((EventPayload.MessageDeleted) told.get(4).payload()).messageId()).isEqualTo(arrived.get(1));

        List<AccountEvent> stored = world.events.after(0, 100);
        assertThat(stored).extracting(AccountEvent::sequence).as("one account, sequence without gaps")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
    }

    @Test
    void changesThatCameBeforeTheSyncSawTheMessageAreInItsSummaryAndAMessageGoneBeforeIsNeverTold() {
        world.signIn(alice);
        sync();
        List<MessageId> arrived = deliver(2);
        world.google.relabel(alice, arrived.get(0), Set.of(LabelId.STARRED), Set.of(LabelId.UNREAD));
        world.google.deleteMessage(alice, arrived.get(1));

        sync();

        assertThat(toldTypes()).containsExactly("message.received");
        assertThat(((EventPayload.MessageReceived) told().get(0).payload()).summary().labelIds()).contains(LabelId.STARRED)
                .doesNotContain(LabelId.UNREAD);
    }

    private static EventPayload.MessageLabelsChanged labelsChanged(NewEvent event) {
        return (EventPayload.MessageLabelsChanged) event.payload();
    }

    @Test
    void duplicateLateAndReorderedNotificationsTellEachChangeOnce() {
        world.signIn(alice);
        sync();
        deliver(2);
        HistoryId now = world.google.currentHistoryId(user);
        EmailAddress address = new EmailAddress("alice@example.com");
        for (HistoryId notified : List.of(now, now, new HistoryId(now.value().subtract(BigInteger.TEN)), now)) {
            world.receiveNotification.receive(new MailboxNotification(address, notified));
        }
        sync();
        sync();
        world.receiveNotification.receive(new MailboxNotification(address, now));
        sync();

        assertThat(toldTypes()).containsExactly("message.received", "message.received");
    }

    @Test
    void aPageAppliedTwiceTellsItsChangesOnlyTheFirstTime() {
        world.signIn(alice);
        sync();
        MessageSummary summary = new MessageSummary(new MessageId("m1"), new ThreadId("t1"), "Hello", "Ann",
                MAIL_START, "hi", Set.of(LabelId.INBOX, LabelId.UNREAD));
        List<IndexWrite> page = List.of(new IndexWrite.Put(summary), new IndexWrite.RemoveLabels(summary.id(), Set.of(LabelId.UNREAD)),
                new IndexWrite.AddLabels(summary.id(), Set.of(LabelId.INBOX)), new IndexWrite.Remove(new MessageId("never-indexed")),
                new IndexWrite.AddLabels(new MessageId("never-indexed"), Set.of(LabelId.STARRED)));
        // The same history read again: the added message is summarized afresh, as Gmail holds it now (read).
        List<IndexWrite> again = List.of(new IndexWrite.Put(summary.withLabels(Set.of(LabelId.INBOX))), page.get(1), page.get(2), page.get(3),
                page.get(4));
        EmailAddress email = new EmailAddress("alice@example.com");
        // A page in the middle of a history leaves the checkpoint where it is: two overlapping runs may both apply it.
        Optional<TellingIndex.Told> first = world.tellingIndex.apply(user, email, page, progress(), progress());
        Optional<TellingIndex.Told> second = world.tellingIndex.apply(user, email, again, progress(), progress());

        assertThat(first).contains(new TellingIndex.Told(1, 0, 1));
        assertThat(second).contains(new TellingIndex.Told(0, 0, 0));
        assertThat(toldTypes()).as("a label already there, a message never indexed: no change, nothing told")
                .containsExactly("message.received", "message.labels_changed");
    }

    @Test
    void aCompareAndSetLostTellsNothing() {
        world.signIn(alice);
        sync();
        SyncProgress stale = new SyncProgress(HistoryId.parse("1"), Optional.empty());
        MessageSummary summary = new MessageSummary(new MessageId("m1"), new ThreadId("t1"), "Hello", "Ann",
                MAIL_START, "hi", Set.of(LabelId.INBOX));
        assertThat(world.tellingIndex.apply(user, new EmailAddress("alice@example.com"), List.of(new IndexWrite.Put(summary)), stale, stale))
                .isEmpty();
        assertThat(told()).isEmpty();
        assertThat(world.messageIndex.count(user)).isZero();
    }

    @Test
    void aGapFilledTellsWhatItReconciledThenTheGapWithItsCount() {
        deliver(40);
        world.signIn(alice);
        sync();
        world.clock.advance(Duration.ofDays(30));
        List<MessageId> during = IntStream.range(0, 3).mapToObj(i -> world.google.addMessage(alice,
                new NewMessage("Carol <carol@example.com>", "While away " + i, "Body", world.clock.instant().minusSeconds(60 - i), true))).toList();
        world.google.deleteMessage(alice, during.get(2));
        world.google.forgetHistory(alice);

        sync();

        assertThat(toldTypes()).containsExactly("message.received", "message.received", "sync.gap_filled");
        assertThat(told().subList(0, 2)).extracting(event -> ((EventPayload.MessageReceived) event.payload()).summary().subject())
                .containsExactlyInAnyOrder("While away 0", "While away 1");
        EventPayload.SyncGapFilled gap = (EventPayload.SyncGapFilled) told().get(2).payload();
        assertThat(gap.messagesReconciled()).isEqualTo(2);
        assertThat(gap.gapSince()).isBefore(world.clock.instant().minus(Duration.ofDays(29)));
    }

    @Test
    void aGapRefilledFromTheTopTellsTheGapAndNothingOfTheBackfill() {
        world.signIn(alice);
        sync();
        deliver(5);
        world.google.forgetHistory(alice);
        sync();
        assertThat(world.messageIndex.count(user)).isEqualTo(5);
        assertThat(toldTypes()).containsExactly("sync.gap_filled");
        assertThat(((EventPayload.SyncGapFilled) told().get(0).payload()).messagesReconciled()).isZero();
    }

    @Test
    void aCompletenessRepairTellsTheMessagesItAddsAndRemoves() {
        deliver(5);
        world.signIn(alice);
        sync();
        world.clock.set(MAIL_START.plus(Duration.ofDays(1)));
        MessageSummary dropped = world.messageIndex.list(user, IndexView.ALL, Optional.empty(), PageSize.DEFAULT).items().get(0);
        world.messageIndex.apply(user, List.of(new IndexWrite.Remove(dropped.id()), new IndexWrite.Put(new MessageSummary(new MessageId("ghost"),
                dropped.threadId(), "ghost", "nobody", MAIL_START, "", Set.of()))), progress(), progress());

        world.checkCompleteness.check(user);

        assertThat(toldTypes()).containsExactly("message.received", "message.deleted");
        assertThat(((EventPayload.MessageReceived) told().get(0).payload()).summary().id()).isEqualTo(dropped.id());
        assertThat(((EventPayload.MessageDeleted) told().get(1).payload()).messageId()).isEqualTo(new MessageId("ghost"));
        world.checkCompleteness.check(user);
        assertThat(told()).as("nothing left to repair, nothing more told").hasSize(2);
    }
}
