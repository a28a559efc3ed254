package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SignInHolds;
import dev.gmailserverauth.domain.port.SignInHoldsContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSignInHoldsTest extends SignInHoldsContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected SignInHolds holds() {
        return persistence.get().signInHolds();
    }
}
