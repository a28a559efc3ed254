package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.AuthorizationProviderContract;
import java.time.Clock;

class FakeGoogleAuthorizationProviderTest extends AuthorizationProviderContract {
    private final FakeGoogle google = new FakeGoogle(Clock.systemUTC());
    private final UserIdentity alice = google.addAccount("alice@example.com");

    @Override
    protected AuthorizationProvider provider() {
        return google.authorizationProvider();
    }

    @Override
    protected RedirectUri redirectUri() {
        return Fixtures.REDIRECT_URI;
    }

    @Override
    protected EmailAddress account() {
        return alice.email();
    }

    @Override
    protected AuthorizationCode consent(AuthorizationUrl url, AuthorizationState state, boolean grantGmail) {
        return google.approve(state, alice, grantGmail ? Scopes.REQUESTED : FakeGoogle.withoutGmail());
    }
}
