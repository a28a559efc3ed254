package dev.gmailserverauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.jobs.DbSchedulerSyncJobs;
import dev.gmailserverauth.persistence.jobs.SchedulerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
}
