package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.PendingAuthorizationStoreContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPendingAuthorizationStoreTest extends PendingAuthorizationStoreContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected PendingAuthorizationStore store() {
        return persistence.get().pendingAuthorizations();
    }
}
