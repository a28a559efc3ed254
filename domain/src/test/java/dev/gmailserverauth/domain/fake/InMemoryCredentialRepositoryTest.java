package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.CredentialRepositoryContract;

class InMemoryCredentialRepositoryTest extends CredentialRepositoryContract {
    @Override
    protected CredentialRepository repository() {
        return new InMemoryCredentialRepository();
    }
}
