package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.SessionRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSessionRepositoryTest extends SessionRepositoryContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected SessionRepository repository() {
        return persistence.get().sessions();
    }
}
