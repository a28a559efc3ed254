package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.RefreshLock;
import dev.gmailserverauth.domain.port.RefreshLockContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresRefreshLockTest extends RefreshLockContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected RefreshLock lock() {
        return persistence.get().refreshLock();
    }
}
