package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.MessageIndexContract;
import dev.gmailserverauth.domain.port.SyncStates;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMessageIndexTest extends MessageIndexContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected MessageIndex index() {
        return persistence.get().messageIndex();
    }

    @Override
    protected SyncStates states() {
        return persistence.get().syncStates();
    }
}
