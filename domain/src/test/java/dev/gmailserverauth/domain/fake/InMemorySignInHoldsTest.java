package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.SignInHolds;
import dev.gmailserverauth.domain.port.SignInHoldsContract;

class InMemorySignInHoldsTest extends SignInHoldsContract {
    @Override
    protected SignInHolds holds() {
        return new InMemorySignInHolds();
    }
}
