package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SignInHolds;
import dev.gmailserverauth.domain.port.SignInHoldsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSignInHoldsTest extends SignInHoldsContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected SignInHolds holds() {
        return persistence.get().signInHolds();
    }
}
