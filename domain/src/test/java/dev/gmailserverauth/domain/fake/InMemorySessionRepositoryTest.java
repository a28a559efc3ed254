package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.SessionRepositoryContract;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {
    @Override
    protected SessionRepository repository() {
        return new InMemorySessionRepository();
    }
}
