package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link SyncJobs} must do, seen through its backlog (nothing runs: the scheduler, if any, is not started). */
public abstract class SyncJobsContract {
    protected static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UserId ALICE = new UserId("111");
    private static final UserId BOB = new UserId("222");

    /** Jobs with nothing scheduled, that do not run them. */
    protected abstract SyncJobs jobs();

    @Test
    void aBurstOfRequestsIsOneWaitingRun() {
        SyncJobs jobs = jobs();
        for (int i = 0; i < 5; i++) jobs.syncAt(ALICE, NOW);
        assertThat(jobs.backlog(NOW)).isEqualTo(1);
        jobs.syncAt(BOB, NOW);
        assertThat(jobs.backlog(NOW)).isEqualTo(2);
    }

    @Test
    void aRequestMovesAWaitingRunEarlierButNeverLater() {
        SyncJobs jobs = jobs();
        jobs.syncAt(ALICE, NOW.plus(Duration.ofHours(1)));
        assertThat(jobs.backlog(NOW)).isZero();
        assertThat(jobs.backlog(NOW.plus(Duration.ofHours(1)))).isEqualTo(1);
        jobs.syncAt(ALICE, NOW);
        assertThat(jobs.backlog(NOW)).isEqualTo(1);
        jobs.syncAt(ALICE, NOW.plus(Duration.ofHours(2)));
        assertThat(jobs.backlog(NOW)).isEqualTo(1);
    }

    @Test
    void stopDropsTheAccountsJobsOnly() {
        SyncJobs jobs = jobs();
        jobs.syncAt(ALICE, NOW);
        jobs.syncAt(BOB, NOW);
        jobs.stop(ALICE);
        jobs.stop(new UserId("never-scheduled"));
        assertThat(jobs.backlog(NOW.plus(Duration.ofDays(365)))).isEqualTo(1);
    }
}
