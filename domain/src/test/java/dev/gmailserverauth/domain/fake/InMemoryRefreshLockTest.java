package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.RefreshLock;
import dev.gmailserverauth.domain.port.RefreshLockContract;

class InMemoryRefreshLockTest extends RefreshLockContract {
    @Override
    protected RefreshLock lock() {
        return new InMemoryRefreshLock();
    }
}
