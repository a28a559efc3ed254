package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.AccountHistoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteAccountHistoryTest extends AccountHistoryContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected AccountHistory history() {
        return persistence.get().accountHistory();
    }
}
