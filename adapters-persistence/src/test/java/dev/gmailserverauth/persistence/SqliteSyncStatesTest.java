package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SyncStates;
import dev.gmailserverauth.domain.port.SyncStatesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSyncStatesTest extends SyncStatesContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected SyncStates states() {
        return persistence.get().syncStates();
    }
}
