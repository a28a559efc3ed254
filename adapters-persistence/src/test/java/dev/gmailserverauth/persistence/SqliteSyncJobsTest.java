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
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSyncJobsTest extends SyncJobsContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();
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
