package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.Transactions;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.EventOutboxContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEventOutboxTest extends EventOutboxContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected EventOutbox outbox() {
        return persistence.get().events();
    }

    @Override
    protected Transactions transactions() {
        return persistence.get().transactions();
    }

    @Override
    protected CredentialRepository credentials() {
        return persistence.get().credentials();
    }
}
