package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.SessionRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSessionRepositoryTest extends SessionRepositoryContract {
    @RegisterExtension
    final FreshPersistence persistence = FreshPersistence.sqlite();

    @Override
    protected SessionRepository repository() {
        return persistence.get().sessions();
    }
}
