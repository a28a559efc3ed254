package dev.gmailserverauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.jobs.DbSchedulerSyncJobs;
import dev.gmailserverauth.persistence.jobs.SchedulerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** db-scheduler really runs on SQLite (the library does not support it out of the box): jobs run, reschedule and stop. */
class SqliteSchedulerTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final UserId ALICE = new UserId("111");
    private static final UserId BOB = new UserId("222");

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    private SchedulerSettings settings(Optional<Duration> pullEvery) {
        return new SchedulerSettings("sqlite-test", 2, Duration.ofMinutes(10), Duration.ofDays(1), pullEvery, Duration.ofMillis(100),
                Duration.ofSeconds(1));
    }

    @Test
    void aSyncRunsAgainWhileItAsksAndThenWaitsForThePoll() {
        RecordingHandlers handlers = new RecordingHandlers(3);
        try (DbSchedulerSyncJobs jobs = persistence.get().syncJobs(handlers, settings(Optional.empty()))) {
            jobs.start();
            jobs.syncAt(ALICE, Instant.now());
            jobs.syncAt(BOB, Instant.now());
            Eventually.within(BOUND, "three runs of each account", () -> handlers.syncsOf(ALICE) == 3 && handlers.syncsOf(BOB) == 3);
            // The third run's reschedule is committed just after the handler returns.
            Eventually.within(BOUND, "each waiting for its poll", () -> jobs.backlog(Instant.now().plus(Duration.ofMinutes(11))) == 2);
            assertThat(jobs.backlog(Instant.now())).isZero();
            assertThat(handlers.mostInsideAtOnce.get()).isEqualTo(1);

            jobs.stop(ALICE);
            assertThat(jobs.backlog(Instant.now().plus(Duration.ofMinutes(11)))).isEqualTo(1);
        }
    }

    @Test
    void keepingAnAccountInSyncRenewsItsWatchAtOnceAndPullModePulls() {
        RecordingHandlers handlers = new RecordingHandlers(1);
        try (DbSchedulerSyncJobs jobs = persistence.get().syncJobs(handlers, settings(Optional.of(Duration.ofMillis(100))))) {
            jobs.start();
            jobs.keepSyncing(ALICE);
            jobs.keepSyncing(ALICE);
            Eventually.within(BOUND, "the watch renewed and the subscription pulled twice",
                    () -> handlers.watches.containsKey(ALICE) && handlers.pulls.get() >= 2);
            assertThat(handlers.watches.get(ALICE).get()).isEqualTo(1);
            assertThat(handlers.syncsOf(ALICE)).as("the first poll is ten minutes away").isZero();
        }
    }

    @Test
    void webhookDeliveriesRunAgainAndAgainWhenAskedForAndNotOtherwise() {
        RecordingHandlers with = new RecordingHandlers(1);
        try (DbSchedulerSyncJobs jobs = persistence.get().syncJobs(with, settings(Optional.empty()).withDeliveriesEvery(Duration.ofMillis(50)))) {
            jobs.start();
            Eventually.within(BOUND, "three delivery runs", () -> with.deliveryRuns.get() >= 3);
            assertThat(with.mostDeliveriesInsideAtOnce.get()).isEqualTo(1);
        }
        RecordingHandlers without = new RecordingHandlers(1);
        try (DbSchedulerSyncJobs jobs = persistence.get().syncJobs(without, settings(Optional.of(Duration.ofMillis(50))))) {
            jobs.start();
            Eventually.within(BOUND, "the scheduler ran its other work", () -> without.pulls.get() >= 3);
            assertThat(without.deliveryRuns.get()).isZero();
        }
    }

    @Test
    void aHugeBackfillTakesTurnsWithTheSmallAccounts() {
        UserId huge = new UserId("huge");
        List<UserId> small = IntStream.range(0, 5).mapToObj(i -> new UserId("small-" + i)).toList();
        RecordingHandlers handlers = new RecordingHandlers(1, Map.of(huge, 30));
        SchedulerSettings oneThread = new SchedulerSettings("sqlite-test", 1, Duration.ofMinutes(10), Duration.ofDays(1), Optional.empty(),
                Duration.ofMillis(100), Duration.ofSeconds(1));
        try (DbSchedulerSyncJobs jobs = persistence.get().syncJobs(handlers, oneThread)) {
            jobs.syncAt(huge, Instant.now());
            jobs.start();
            Eventually.within(BOUND, "the huge account has begun", () -> handlers.syncsOf(huge) >= 2);
            small.forEach(account -> jobs.syncAt(account, Instant.now()));
            Eventually.within(BOUND, "every account done", () -> handlers.syncsOf(huge) == 30 && small.stream().allMatch(a -> handlers.syncsOf(a) == 1));
            int hugeLast = handlers.ran.lastIndexOf(huge);
            assertThat(small).allSatisfy(account -> assertThat(handlers.ran.indexOf(account)).as(account.value()).isLessThan(hugeLast));
            assertThat(handlers.ran.subList(0, handlers.ran.indexOf(small.get(4)) + 1).stream().filter(huge::equals).count())
                    .as("the small accounts waited a few slices at most, not the whole backfill").isLessThan(15);
        }
    }
}
