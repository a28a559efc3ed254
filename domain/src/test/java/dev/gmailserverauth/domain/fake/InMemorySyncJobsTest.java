package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.domain.port.SyncJobsContract;

class InMemorySyncJobsTest extends SyncJobsContract {
    @Override
    protected SyncJobs jobs() {
        return new InMemorySyncJobs();
    }
}
