package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.domain.port.SyncJobsContract;
import dev.gmailserverauth.persistence.jobs.DbSchedulerSyncJobs;
import dev.gmailserverauth.persistence.jobs.SchedulerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSyncJobsTest extends SyncJobsContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);
    private final List<DbSchedulerSyncJobs> opened = new ArrayList<>();

    @Override
    protected SyncJobs jobs() {
        DbSchedulerSyncJobs jobs = persistence.get().syncJobs(new RecordingHandlers(1),
                SchedulerSettings.of("test", Duration.ofMinutes(10), Optional.empty()));
        opened.add(jobs);
        return jobs;
    }

    @AfterEach
    void closeJobs() {
        opened.forEach(DbSchedulerSyncJobs::close);
    }
}
