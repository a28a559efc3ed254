package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.AccountHistoryContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAccountHistoryTest extends AccountHistoryContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected AccountHistory history() {
        return persistence.get().accountHistory();
    }
}
