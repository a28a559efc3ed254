package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.PendingAuthorizationStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlitePendingAuthorizationStoreTest extends PendingAuthorizationStoreContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected PendingAuthorizationStore store() {
        return persistence.get().pendingAuthorizations();
    }
}
