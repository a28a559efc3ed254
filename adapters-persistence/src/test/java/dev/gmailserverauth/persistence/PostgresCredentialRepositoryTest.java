package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.CredentialRepositoryContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCredentialRepositoryTest extends CredentialRepositoryContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected CredentialRepository repository() {
        return persistence.get().credentials();
    }
}
