package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.LinkedAccountsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteLinkedAccountsTest extends LinkedAccountsContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected LinkedAccounts links() {
        return persistence.get().linkedAccounts();
    }
}
