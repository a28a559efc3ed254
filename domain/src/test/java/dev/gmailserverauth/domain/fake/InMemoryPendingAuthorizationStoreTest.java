package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.PendingAuthorizationStoreContract;

class InMemoryPendingAuthorizationStoreTest extends PendingAuthorizationStoreContract {
    @Override
    protected PendingAuthorizationStore store() {
        return new InMemoryPendingAuthorizationStore();
    }
}
