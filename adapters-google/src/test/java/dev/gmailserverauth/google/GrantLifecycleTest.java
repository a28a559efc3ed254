package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A grant's life as the token endpoint tells it: re-authentication, and what an ordinary refresh says about the end. */
class GrantLifecycleTest {
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private RefreshToken refreshToken;

    @BeforeEach
    void authorize() {
        refreshToken = sandbox.authorize(sandbox.newAccount("lifecycle"), true).refreshToken().orElseThrow();
    }

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void invalidRaptIsReauthenticationNotRevocation() {
        sandbox.control().injectFault(Endpoint.TOKEN, 1,
                new Fault.HttpError(400, "invalid_grant", "reauth related error (invalid_rapt)", Optional.empty()));
        assertThat(sandbox.provider().refresh(refreshToken)).isInstanceOfSatisfying(Refresh.ReauthenticationRequired.class,
                reauth -> assertThat(reauth.reason()).contains("invalid_rapt"));
        // Not revoked: the same refresh token works once the policy is satisfied.
        assertThat(sandbox.provider().refresh(refreshToken)).isInstanceOf(Refresh.Refreshed.class);
    }

    @Test
    void otherInvalidGrantsStayRevocations() {
        sandbox.control().injectFault(Endpoint.TOKEN, 1,
                new Fault.HttpError(400, "invalid_grant", "Token has been expired or revoked.", Optional.empty()));
        assertThat(sandbox.provider().refresh(refreshToken)).isInstanceOf(Refresh.Revoked.class);
    }

    @Test
    void anOrdinaryGrantAnnouncesNoEndForItsRefreshToken() {
        assertThat(sandbox.provider().refresh(refreshToken)).isInstanceOfSatisfying(Refresh.Refreshed.class,
                refreshed -> assertThat(refreshed.grant().refreshTokenExpiresAt()).isEmpty());
    }
}
