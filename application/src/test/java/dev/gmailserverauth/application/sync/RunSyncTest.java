package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.ConsentReason;
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
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RunSyncTest {
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

    /** Mail that arrives now (a second apart, the last a second ago), so that a gap fill's listing finds it. */
    private List<MessageId> deliverNow(int count) {
        return IntStream.range(0, count).mapToObj(i -> world.google.addMessage(alice, new NewMessage("Carol <carol@example.com>",
                "Now " + i, "Body", world.clock.instant().minusSeconds(count - i), true))).toList();
    }

    private RunSync runSync(int backfill, int slice) {
        SyncSettings base = SyncSettings.of(backfill, Duration.ofMinutes(10), Optional.of(World.TOPIC));
        SyncSettings settings = new SyncSettings(base.backfill(), base.pollInterval(), base.topic(), base.gapOverlap(), base.gapLimit(),
                base.completenessWindow(), slice);
        return new RunSync(world.access, world.google.mailboxChanges(), world.google.mailbox(), world.syncStates, world.messageIndex, world.tellingIndex,
                world.endSync, world.syncJobs, settings, world.clock);
    }

    private RunSync.Outcome run() {
        return world.runSync.run(user);
    }

    private SyncState state() {
        return world.syncStates.find(user).orElseThrow();
    }

    private List<String> indexedSubjects() {
        return world.messageIndex.list(user, IndexView.ALL, Optional.empty(), new PageSize(500)).items().stream().map(MessageSummary::subject).toList();
    }

    /** The events the sync told (sign-ins tell account events of their own). */
    private List<NewEvent> told() {
        return world.events.appended().stream().filter(event -> SYNC_TYPES.contains(event.type())).toList();
    }

    private List<String> toldTypes() {
        return told().stream().map(event -> event.type().wireName()).toList();
    }

    private static String kind(RunSync.Outcome outcome) {
        return outcome.fold(synced -> "synced", again -> "again: " + again.why(), paused -> "paused", stopped -> "stopped: " + stopped.reason());
    }

    @Test
    void signingInSchedulesTheSyncWhichTakesTheCheckpointThenTheNewestMessages() {
        deliver(30);
        world.signIn(alice);
        assertThat(world.syncJobs.dueAt(user)).contains(World.START);

        assertThat(kind(run())).isEqualTo("synced");

        assertThat(world.syncJobs.keepsSyncing(user)).as("poll, watch and completeness check scheduled").isTrue();
        assertThat(state().checkpoint()).isEqualTo(world.google.currentHistoryId(user));
        assertThat(state().progress().backfill()).isEmpty();
        assertThat(state().status()).isEqualTo(SyncStatus.ACTIVE);
        assertThat(world.messageIndex.count(user)).as("the newest 25, as configured").isEqualTo(25);
        assertThat(indexedSubjects()).first().isEqualTo("Message 29");
        assertThat(indexedSubjects()).last().isEqualTo("Message 5");
        assertThat(told()).as("the first backfill tells nothing: those messages were there before the connection").isEmpty();
    }

    @Test
    void aBackfillGoesInSlicesAndARestartResumesWhereItStopped() {
        deliver(30);
        world.signIn(alice);
        assertThat(kind(runSync(25, 10).run(user))).isEqualTo("again: backfill continues");
        assertThat(world.messageIndex.count(user)).isEqualTo(10);
        assertThat(state().progress().backfill().orElseThrow().taken()).isEqualTo(10);

        // A new instance of the use case (a restart) continues from the stored cursor.
        assertThat(kind(runSync(25, 10).run(user))).isEqualTo("again: backfill continues");
        assertThat(kind(runSync(25, 10).run(user))).isEqualTo("synced");
        assertThat(world.messageIndex.count(user)).isEqualTo(25);
        assertThat(indexedSubjects()).doesNotHaveDuplicates().contains("Message 29", "Message 5").doesNotContain("Message 4");
    }

    @Test
    void mailThatArrivesWhileTheBackfillRunsIsToldOnceAsReceivedAndTheOldMailNever() {
        deliver(30);
        world.signIn(alice);
        assertThat(kind(runSync(25, 10).run(user))).isEqualTo("again: backfill continues");
        assertThat(state().startedAt()).isEqualTo(World.START);
        // A backfill slice lists the newest messages: one arrived after the sync began (Gmail's internalDate), one is old.
        MessageSummary arrived = new MessageSummary(new MessageId("a0000000000000a1"), new ThreadId("a0000000000000a1"), "Arrived meanwhile",
                "Carol <carol@example.com>", World.START.plusSeconds(20), "new", Set.of(LabelId.INBOX, LabelId.UNREAD));
        MessageSummary old = new MessageSummary(new MessageId("a0000000000000a2"), new ThreadId("a0000000000000a2"), "Long there",
                "Carol <carol@example.com>", MAIL_START.minus(Duration.ofDays(3)), "old", Set.of(LabelId.INBOX));
        SyncProgress progress = state().progress();
        Instant since = state().startedAt().minus(RunSync.ARRIVAL_SKEW);

        assertThat(world.tellingIndex.backfill(user, alice.email(), List.of(new IndexWrite.Put(arrived), new IndexWrite.Put(old)), progress,
                progress, since).orElseThrow().received()).isEqualTo(1);
        assertThat(world.tellingIndex.backfill(user, alice.email(), List.of(new IndexWrite.Put(arrived)), progress, progress, since)
                .orElseThrow().received()).as("a slice read twice tells nothing twice").isZero();
        assertThat(world.tellingIndex.apply(user, alice.email(), List.of(new IndexWrite.Put(arrived)), progress, progress).orElseThrow().messages())
                .as("the history brings it later and finds it told").isZero();
        assertThat(told()).extracting(event -> ((EventPayload.MessageReceived) event.payload()).summary().subject()).containsExactly("Arrived meanwhile");

        assertThat(kind(runSync(25, 10).run(user))).isEqualTo("again: backfill continues");
        assertThat(kind(runSync(25, 10).run(user))).isEqualTo("synced");
        assertThat(told()).as("the rest of the backfill is old mail").hasSize(1);
    }

    @Test
    void aPollOfAMailboxWhereNothingHappenedAsksOnlyForTheProfileAndStillCountsAsASync() {
        deliver(3);
        world.signIn(alice);
        run();
        int history = world.google.historyCallCount();
        world.clock.advance(Duration.ofMinutes(10));

        assertThat(kind(run())).isEqualTo("synced");
        assertThat(world.google.historyCallCount()).as("nothing changed: no history.list").isEqualTo(history);
        assertThat(state().lastSynced()).contains(World.START.plus(Duration.ofMinutes(10)));

        deliver(1);
        assertThat(kind(run())).isEqualTo("synced");
        assertThat(world.google.historyCallCount()).as("the profile's history id moved: the history is followed").isEqualTo(history + 1);
        assertThat(indexedSubjects()).first().isEqualTo("Message 3");
    }

    @Test
    void followsEveryPageOfHistoryAndMovesTheCheckpointOnlyAtTheEnd() {
        deliver(3);
        world.signIn(alice);
        run();
        List<MessageId> arrived = deliver(4);
        world.google.relabel(alice, arrived.get(0), Set.of(LabelId.STARRED), Set.of(LabelId.UNREAD));
        world.google.deleteMessage(alice, arrived.get(1));
        world.google.pageHistoryBy(2);

        assertThat(kind(run())).isEqualTo("synced");

        assertThat(world.google.historyCallCount()).as("none for the first run (the profile's history id was the checkpoint), then seven "
                + "records in pages of two").isEqualTo(4);
        assertThat(state().checkpoint()).isEqualTo(world.google.currentHistoryId(user));
        assertThat(indexedSubjects()).containsExactly("Message 6", "Message 5", "Message 3", "Message 2", "Message 1", "Message 0");
        assertThat(world.messageIndex.list(user, IndexView.of(LabelId.STARRED), Optional.empty(), PageSize.DEFAULT).items())
                .extracting(MessageSummary::subject).containsExactly("Message 3");
        assertThat(world.messageIndex.list(user, IndexView.of(LabelId.UNREAD), Optional.empty(), PageSize.DEFAULT).items())
                .extracting(MessageSummary::subject).doesNotContain("Message 3");
    }

    @Test
    void aBurstOfLateDuplicateAndReorderedNotificationsIsOneRunAndChangesNothingTwice() {
        world.signIn(alice);
        run();
        deliver(2);
        HistoryId now = world.google.currentHistoryId(user);
        EmailAddress address = new EmailAddress("alice@example.com");
        for (HistoryId notified : List.of(now, now, new HistoryId(now.value().subtract(java.math.BigInteger.TEN)), now)) {
            world.receiveNotification.receive(new MailboxNotification(address, notified));
        }
        assertThat(world.syncJobs.backlog(world.clock.instant())).isEqualTo(1);
        assertThat(state().pendingSince()).contains(World.START);

        world.clock.advance(Duration.ofSeconds(2));
        RunSync.Outcome first = run();
        assertThat(first.<Integer>fold(synced -> synced.applied(), again -> -1, paused -> -1, stopped -> -1)).isEqualTo(2);
        RunSync.Outcome second = run();
        assertThat(second.<Integer>fold(synced -> synced.applied(), again -> -1, paused -> -1, stopped -> -1)).isZero();
        assertThat(world.messageIndex.count(user)).isEqualTo(2);
        assertThat(state().pendingSince()).isEmpty();
        assertThat(state().lag()).contains(Duration.ofSeconds(2));
        world.receiveNotification.receive(new MailboxNotification(address, now));
        run();
        assertThat(toldTypes()).as("each change told once").containsExactly("message.received", "message.received");
    }

    @Test
    void aHistoryTooOldIsFilledFromTheLastGoodSyncAndRecordedWithoutReadingTheWholeMailbox() {
        deliver(40);
        world.signIn(alice);
        run();
        world.clock.advance(Duration.ofDays(30));
        List<MessageId> during = IntStream.range(0, 3).mapToObj(i -> world.google.addMessage(alice,
                new NewMessage("Carol <carol@example.com>", "While away " + i, "Body", world.clock.instant().minusSeconds(60 - i), true))).toList();
        world.google.deleteMessage(alice, during.get(2));
        world.google.forgetHistory(alice);

        assertThat(kind(run())).isEqualTo("synced");

        assertThat(state().status()).isEqualTo(SyncStatus.ACTIVE);
        assertThat(state().gapsFilled()).isEqualTo(1);
        assertThat(state().lastGap()).hasValueSatisfying(gap -> assertThat(gap).contains("listed 2").contains("added 2").contains("removed 0"));
        assertThat(state().checkpoint()).isEqualTo(world.google.currentHistoryId(user));
        assertThat(indexedSubjects()).contains("While away 0", "While away 1").doesNotContain("While away 2").hasSize(27);
        assertThat(toldTypes()).as("what it reconciled, then the gap").containsExactly("message.received", "message.received", "sync.gap_filled");
        assertThat(told().subList(0, 2)).extracting(event -> ((EventPayload.MessageReceived) event.payload()).summary().subject())
                .containsExactlyInAnyOrder("While away 0", "While away 1");
        EventPayload.SyncGapFilled gap = (EventPayload.SyncGapFilled) told().get(2).payload();
        assertThat(gap.messagesReconciled()).isEqualTo(2);
        assertThat(gap.gapSince()).isBefore(world.clock.instant().minus(Duration.ofDays(29)));
        assertThat(kind(run())).as("the next run follows the history again").isEqualTo("synced");
        assertThat(state().gapsFilled()).isEqualTo(1);
    }

    @Test
    void aGapLargerThanAMinuteOfQuotaIsFilledOverSeveralRunsEachReadingWhatTheLastDidNot() {
        deliver(3);
        world.signIn(alice);
        run();
        deliverNow(120);
        world.google.forgetHistory(alice);

        assertRunsReadEachMessageOnce(120);
        assertThat(state().gapsFilled()).isEqualTo(1);
    }

    @Test
    void aPageOfHistoryWithMoreNewMailThanAMinuteReadsIsAppliedOverSeveralRunsTheSameWay() {
        deliver(3);
        world.signIn(alice);
        run();
        deliverNow(120);

        assertRunsReadEachMessageOnce(120);
        assertThat(state().gapsFilled()).isZero();
    }

    /**
     * On the 2026 table a person's 6,000 units a minute read 300 summaries; here 50 a minute. Before the summaries were
     * kept between runs, every run read the same first 50 again and the catch-up never ended.
     */
    private void assertRunsReadEachMessageOnce(int arrived) {
        world.google.limitSummariesPerMinute(50);
        int given = world.google.summariesGiven();
        List<String> outcomes = new ArrayList<>();
        for (int minute = 0; minute < 6 && !outcomes.contains("synced"); minute++) {
            outcomes.add(kind(run()));
            world.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(outcomes).containsExactly("again: quota spent", "again: quota spent", "synced");
        assertThat(world.google.summariesGiven() - given).as("each message read once over the three runs").isEqualTo(arrived);
        assertThat(indexedSubjects()).hasSize(3 + arrived);
        assertThat(state().checkpoint()).isEqualTo(world.google.currentHistoryId(user));
    }

    @Test
    void aGapFilledOverSeveralRunsMissesNoChangeMadeBetweenThem() {
        deliver(3);
        world.signIn(alice);
        run();
        List<MessageId> gap = deliverNow(80);
        world.google.forgetHistory(alice);
        world.google.limitSummariesPerMinute(50);
        assertThat(kind(run())).isEqualTo("again: quota spent");
        // The newest two were read by the first run (newest first); one is starred and one deleted before the gap is applied.
        MessageId starred = gap.get(79);
        MessageId deleted = gap.get(78);
        world.google.relabel(alice, starred, Set.of(LabelId.STARRED), Set.of());
        world.google.deleteMessage(alice, deleted);
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(kind(run())).isEqualTo("synced");
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(kind(run())).as("the history after the first run's checkpoint").isEqualTo("synced");

        assertThat(world.messageIndex.list(user, IndexView.of(LabelId.STARRED), Optional.empty(), PageSize.DEFAULT).items())
                .extracting(MessageSummary::id).containsExactly(starred);
        assertThat(world.messageIndex.find(user, List.of(deleted))).isEmpty();
        assertThat(indexedSubjects()).hasSize(82);
        assertThat(state().gapsFilled()).isEqualTo(1);
    }

    @Test
    void aHistoryTooOldWithAnEmptyIndexRefillsTheNewestMessages() {
        world.signIn(alice);
        run();
        deliver(5);
        world.google.forgetHistory(alice);
        assertThat(kind(run())).isEqualTo("synced");
        assertThat(world.messageIndex.count(user)).isEqualTo(5);
        assertThat(state().lastGap()).hasValueSatisfying(gap -> assertThat(gap).contains("the index was empty"));
        assertThat(toldTypes()).as("the gap, and nothing of the refill, a backfill").containsExactly("sync.gap_filled");
        assertThat(((EventPayload.SyncGapFilled) told().get(0).payload()).messagesReconciled()).isZero();
    }

    @Test
    void aRevokedGrantStopsTheSyncAndDeletesTheSyncedMail() {
        deliver(3);
        world.signIn(alice);
        run();
        world.google.revokeGrants(alice);
        world.google.expireAccessTokens(alice);

        assertThat(kind(run())).isEqualTo("stopped: " + ConsentReason.CREDENTIALS_REVOKED);
        assertThat(state().status()).isEqualTo(SyncStatus.STOPPED);
        assertThat(world.messageIndex.count(user)).isZero();
        assertThat(world.syncJobs.keepsSyncing(user)).isFalse();

        world.signIn(alice);
        assertThat(kind(run())).as("connecting again starts over").isEqualTo("synced");
        assertThat(state().status()).isEqualTo(SyncStatus.ACTIVE);
        assertThat(world.messageIndex.count(user)).isEqualTo(3);
    }

    @Test
    void aNewSignInRequiredPausesTheSyncAndSigningInAgainResumesItWithNothingLost() {
        world.signIn(alice);
        run();
        world.google.requireReauthentication(alice, true);
        world.google.expireAccessTokens(alice);
        deliver(2);
        assertThat(kind(run())).isEqualTo("paused");
        assertThat(state().status()).isEqualTo(SyncStatus.PAUSED);

        world.google.requireReauthentication(alice, false);
        assertThat(kind(run())).isEqualTo("synced");
        assertThat(state().status()).isEqualTo(SyncStatus.ACTIVE);
        assertThat(world.messageIndex.count(user)).isEqualTo(2);
    }

    @Test
    void aSpentQuotaWaitsUntilItFreesUp() {
        world.signIn(alice);
        run();
        deliver(1);
        Instant frees = world.clock.instant().plusSeconds(40);
        world.google.spendQuotaUntil(frees);
        assertThat(run().<Instant>fold(synced -> Instant.EPOCH, again -> again.at(), paused -> Instant.EPOCH, stopped -> Instant.EPOCH)).isEqualTo(frees);
        assertThat(world.messageIndex.count(user)).isZero();
    }

    @Test
    void aNotificationDuringTheRunAsksForAnotherRun() {
        world.signIn(alice);
        run();
        world.clock.advance(Duration.ofSeconds(1));
        world.syncStates.recordNotification(user, world.clock.instant().plusSeconds(1));
        assertThat(kind(run())).isEqualTo("again: notified during the run");
    }

    @Test
    void disconnectingStopsTheWatchAndLeavesNoSyncedRow() {
        deliver(3);
        world.signIn(alice);
        run();
        assertThat(world.renewWatch.renew(user).<Instant>fold(renewed -> renewed.watch().expiration(), n -> Instant.EPOCH, f -> Instant.EPOCH))
                .isEqualTo(World.START.plus(Duration.ofDays(7)));
        assertThat(state().watchExpiration()).contains(World.START.plus(Duration.ofDays(7)));
        assertThat(world.google.watchTopic(alice)).contains(World.TOPIC);

        world.disconnect.disconnect(user);

        assertThat(world.google.watchTopic(alice)).isEmpty();
        assertThat(world.syncStates.find(user)).isEmpty();
        assertThat(world.messageIndex.count(user)).isZero();
        assertThat(world.syncJobs.dueAt(user)).isEmpty();
    }

    @Test
    void aMessageTakenOutOfTrashThatTheIndexDidNotHoldIsIndexedAtOnce() {
        LabelId trash = new LabelId("TRASH");
        List<MessageId> mail = deliver(3);
        world.signIn(alice);
        run();
        // In the trash when the backfill ran (Gmail's list leaves trash out, so the index never held it).
        world.google.relabel(alice, mail.get(1), Set.of(trash), Set.of());
        run();
        SyncProgress progress = state().progress();
        world.messageIndex.apply(user, List.of(new IndexWrite.Remove(mail.get(1))), progress, progress);
        int told = told().size();

        world.google.relabel(alice, mail.get(1), Set.of(), Set.of(trash));
        run();

        assertThat(world.messageIndex.find(user, List.of(mail.get(1)))).as("put from its summary, not a label change on nothing")
                .singleElement().satisfies(summary -> assertThat(summary.labelIds()).doesNotContain(trash).contains(LabelId.INBOX));
        assertThat(indexedSubjects()).hasSize(3);
        assertThat(told().subList(told, told().size())).extracting(event -> event.type().wireName()).containsExactly("message.received");

        int before = told().size();
        world.google.relabel(alice, mail.get(0), Set.of(trash), Set.of());
        world.google.relabel(alice, mail.get(0), Set.of(), Set.of(trash));
        run();
        assertThat(told().subList(before, told().size())).as("a held message restored is a label change")
                .extracting(event -> event.type().wireName()).containsOnly("message.labels_changed");
    }

    @Test
    void theCompletenessCheckRepairsAndCountsWhatTheIndexMissed() {
        deliver(5);
        world.signIn(alice);
        run();
        world.clock.set(MAIL_START.plus(Duration.ofDays(1)));
        MessageSummary dropped = world.messageIndex.list(user, IndexView.ALL, Optional.empty(), PageSize.DEFAULT).items().get(0);
        world.messageIndex.apply(user, List.of(new IndexWrite.Remove(dropped.id()), new IndexWrite.Put(new MessageSummary(new MessageId("ghost"),
                dropped.threadId(), "ghost", "nobody", MAIL_START, "", Set.of()))), state().progress(), state().progress());

        CheckCompleteness.Outcome outcome = world.checkCompleteness.check(user);

        assertThat(outcome.<String>fold(checked -> checked.missing() + "/" + checked.extra(), skipped -> skipped.why())).isEqualTo("1/1");
        assertThat(state().repairs()).isEqualTo(2);
        assertThat(indexedSubjects()).contains(dropped.subject()).doesNotContain("ghost");
        assertThat(toldTypes()).as("each repair told").containsExactly("message.received", "message.deleted");
        assertThat(((EventPayload.MessageReceived) told().get(0).payload()).summary().id()).isEqualTo(dropped.id());
        assertThat(((EventPayload.MessageDeleted) told().get(1).payload()).messageId()).isEqualTo(new MessageId("ghost"));
        world.checkCompleteness.check(user);
        assertThat(told()).as("nothing left to repair, nothing more told").hasSize(2);
    }

    @Test
    void newMailALabelChangeAndADeletionAreToldWithTheSummaryTheIndexHoldsInTheMailboxsOrder() {
        deliver(2);
        world.signIn(alice);
        run();
        List<MessageId> arrived = deliver(2);
        run();
        world.google.relabel(alice, arrived.get(0), Set.of(LabelId.STARRED), Set.of(LabelId.UNREAD));
        world.google.pageHistoryBy(1);
        run();
        world.google.deleteMessage(alice, arrived.get(1));
        run();

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
        run();
        List<MessageId> arrived = deliver(2);
        world.google.relabel(alice, arrived.get(0), Set.of(LabelId.STARRED), Set.of(LabelId.UNREAD));
        world.google.deleteMessage(alice, arrived.get(1));

        run();

        assertThat(toldTypes()).containsExactly("message.received");
        assertThat(((EventPayload.MessageReceived) told().get(0).payload()).summary().labelIds()).contains(LabelId.STARRED)
                .doesNotContain(LabelId.UNREAD);
    }

    @Test
    void aPageAppliedTwiceTellsItsChangesOnlyTheFirstTime() {
        world.signIn(alice);
        run();
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
        Optional<TellingIndex.Told> first = world.tellingIndex.apply(user, email, page, state().progress(), state().progress());
        Optional<TellingIndex.Told> second = world.tellingIndex.apply(user, email, again, state().progress(), state().progress());

        assertThat(first).contains(new TellingIndex.Told(1, 0, 1));
        assertThat(second).contains(new TellingIndex.Told(0, 0, 0));
        assertThat(toldTypes()).as("a label already there, a message never indexed: no change, nothing told")
                .containsExactly("message.received", "message.labels_changed");
    }

    @Test
    void aCompareAndSetLostTellsNothing() {
        world.signIn(alice);
        run();
        SyncProgress stale = new SyncProgress(HistoryId.parse("1"), Optional.empty());
        MessageSummary summary = new MessageSummary(new MessageId("m1"), new ThreadId("t1"), "Hello", "Ann",
                MAIL_START, "hi", Set.of(LabelId.INBOX));
        assertThat(world.tellingIndex.apply(user, new EmailAddress("alice@example.com"), List.of(new IndexWrite.Put(summary)), stale, stale))
                .isEmpty();
        assertThat(told()).isEmpty();
        assertThat(world.messageIndex.count(user)).isZero();
    }

    private MessageSummary indexed(MessageId id) {
        return world.messageIndex.find(user, List.of(id)).get(0);
    }

    private static EventPayload.MessageLabelsChanged labelsChanged(NewEvent event) {
        return (EventPayload.MessageLabelsChanged) event.payload();
    }
}
