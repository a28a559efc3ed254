package dev.gmailserverauth.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.AuthorizationProvider.CodeExchange;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake's time-limited grants and Workspace re-authentication, which the use-case tests rely on. */
class FakeGoogleLifecycleTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final FakeGoogle google = new FakeGoogle(clock);
    private final AuthorizationProvider provider = google.authorizationProvider();
    private final UserIdentity alice = google.addAccount("alice@example.com");

    private TokenGrant authorize(Optional<Duration> limit) {
        AuthorizationRequest request = new AuthorizationRequest(AuthorizationState.random(), PkceVerifier.random(), Fixtures.REDIRECT_URI,
                Scopes.REQUESTED, Optional.empty(), true);
        provider.authorizationUrl(request);
        var code = limit.map(l -> google.approveTimeLimited(request.state(), alice, l)).orElseGet(() -> google.approve(request.state(), alice));
        return ((CodeExchange.Exchanged) provider.exchange(code, request.verifier(), Fixtures.REDIRECT_URI)).grant();
    }

    @Test
    void aTimeLimitedGrantAnnouncesItsEndAndRefusesRefreshAfterIt() {
        TokenGrant grant = authorize(Optional.of(Duration.ofDays(7)));
        assertThat(grant.refreshTokenExpiresAt()).contains(START.plus(Duration.ofDays(7)));
        assertThat(provider.refresh(grant.refreshToken().orElseThrow())).isInstanceOfSatisfying(Refresh.Refreshed.class,
                refreshed -> assertThat(refreshed.grant().refreshTokenExpiresAt()).contains(START.plus(Duration.ofDays(7))));
        clock.advance(Duration.ofDays(7));
        assertThat(provider.refresh(grant.refreshToken().orElseThrow())).isInstanceOf(Refresh.Revoked.class);
    }

    @Test
    void anOrdinaryGrantAnnouncesNoEnd() {
        assertThat(authorize(Optional.empty()).refreshTokenExpiresAt()).isEmpty();
    }

    @Test
    void reauthenticationIsAskedUntilThePersonSignsInAgain() {
        TokenGrant grant = authorize(Optional.empty());
        google.requireReauthentication(alice, true);
        assertThat(provider.refresh(grant.refreshToken().orElseThrow())).isInstanceOf(Refresh.ReauthenticationRequired.class);
        authorize(Optional.empty());
        assertThat(provider.refresh(grant.refreshToken().orElseThrow())).isInstanceOf(Refresh.Refreshed.class);
    }
}
