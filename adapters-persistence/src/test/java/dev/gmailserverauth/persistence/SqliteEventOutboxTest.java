package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.Transactions;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.EventOutboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteEventOutboxTest extends EventOutboxContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

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
