package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.SessionRepositoryContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSessionRepositoryTest extends SessionRepositoryContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected SessionRepository repository() {
        return persistence.get().sessions();
    }
}
