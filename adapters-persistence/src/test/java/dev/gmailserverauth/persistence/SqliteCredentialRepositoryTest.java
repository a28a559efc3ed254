package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.CredentialRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteCredentialRepositoryTest extends CredentialRepositoryContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected CredentialRepository repository() {
        return persistence.get().credentials();
    }
}
