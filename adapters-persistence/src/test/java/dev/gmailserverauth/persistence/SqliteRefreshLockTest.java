package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.RefreshLock;
import dev.gmailserverauth.domain.port.RefreshLockContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteRefreshLockTest extends RefreshLockContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected RefreshLock lock() {
        return persistence.get().refreshLock();
    }
}
