package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SyncStates;
import dev.gmailserverauth.domain.port.SyncStatesContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSyncStatesTest extends SyncStatesContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected SyncStates states() {
        return persistence.get().syncStates();
    }
}
