package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.SyncStates;
import dev.gmailserverauth.domain.port.SyncStatesContract;

class InMemorySyncStatesTest extends SyncStatesContract {
    @Override
    protected SyncStates states() {
        return new InMemorySyncStates();
    }
}
