package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.AuthorizationProviderContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The port's contract, against the sandbox over real HTTP, consent played through its HTML form. */
class GoogleAuthorizationProviderContractTest extends AuthorizationProviderContract {
    /** Started with the class, closed after its last test. */
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    /**
     * A fresh account per test (JUnit makes one instance per test). The contract allows sharing one, but
     * with include_granted_scopes=true Google (and the sandbox) hand back the union of every earlier grant,
     * so an account that once granted Gmail keeps it even when the box is left unticked later.
     */
    private final String email = sandbox.newAccount("alice");

    @Override
    protected AuthorizationProvider provider() {
        return sandbox.provider();
    }

    @Override
    protected RedirectUri redirectUri() {
        return Sandbox.REDIRECT_URI;
    }

    @Override
    protected EmailAddress account() {
        return new EmailAddress(email);
    }

    @Override
    protected AuthorizationCode consent(AuthorizationUrl url, AuthorizationState state, boolean grantGmail) {
        SandboxBrowser.Redirect redirect = sandbox.browser.decide(url, email, grantGmail, true);
        if (!redirect.param("state").equals(java.util.Optional.of(state.value()))) throw new AssertionError("state not echoed");
        return redirect.code();
    }
}
