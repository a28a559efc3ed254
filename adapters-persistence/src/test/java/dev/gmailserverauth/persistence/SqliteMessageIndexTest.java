package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.MessageIndexContract;
import dev.gmailserverauth.domain.port.SyncStates;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteMessageIndexTest extends MessageIndexContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected MessageIndex index() {
        return persistence.get().messageIndex();
    }

    @Override
    protected SyncStates states() {
        return persistence.get().syncStates();
    }
}
