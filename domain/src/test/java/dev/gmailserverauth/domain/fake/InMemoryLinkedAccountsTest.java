package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.LinkedAccountsContract;

class InMemoryLinkedAccountsTest extends LinkedAccountsContract {
    @Override
    protected LinkedAccounts links() {
        return new InMemoryLinkedAccounts();
    }
}
