package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.LinkedAccountsContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresLinkedAccountsTest extends LinkedAccountsContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected LinkedAccounts links() {
        return persistence.get().linkedAccounts();
    }
}
