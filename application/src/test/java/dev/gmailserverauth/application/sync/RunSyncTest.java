package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
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
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunSyncTest {
    private static final Instant MAIL_START = Instant.parse("2026-11-01T00:00:00Z");

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
    void followsEveryPageOfHistoryAndMovesTheCheckpointOnlyAtTheEnd() {
        deliver(3);
        world.signIn(alice);
        run();
        List<MessageId> arrived = deliver(4);
        world.google.relabel(alice, arrived.get(0), Set.of(LabelId.STARRED), Set.of(LabelId.UNREAD));
        world.google.deleteMessage(alice, arrived.get(1));
        world.google.pageHistoryBy(2);

        assertThat(kind(run())).isEqualTo("synced");

        assertThat(world.google.historyCallCount()).as("one for the first run, then seven records in pages of two").isEqualTo(5);
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
        assertThat(kind(run())).as("the next run follows the history again").isEqualTo("synced");
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
    }
}
