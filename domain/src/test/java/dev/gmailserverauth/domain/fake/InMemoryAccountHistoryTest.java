package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.AccountHistoryContract;

class InMemoryAccountHistoryTest extends AccountHistoryContract {
    @Override
    protected AccountHistory history() {
        return new InMemoryAccountHistory();
    }
}
