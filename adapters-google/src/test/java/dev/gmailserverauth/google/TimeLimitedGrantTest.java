package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.port.AuthorizationProvider.CodeExchange;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code refresh_token_expires_in}, read from the sandbox's token answers over real HTTP. */
class TimeLimitedGrantTest {
    private static final Duration TESTING_LIFETIME = Duration.ofSeconds(604_799);

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    @AfterEach
    void backInProduction() {
        sandbox.control().setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.IN_PRODUCTION);
        sandbox.control().observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, false);
    }

    private TokenGrant authorizeFor(Optional<String> accessDuration) {
        String email = sandbox.newAccount("limited");
        AuthorizationRequest request = sandbox.request(email, true);
        var redirect = sandbox.browser.decide(sandbox.provider().authorizationUrl(request), email, true, true, accessDuration);
        CodeExchange exchange = sandbox.provider().exchange(redirect.code(), request.verifier(), Sandbox.REDIRECT_URI);
        return ((CodeExchange.Exchanged) exchange).grant();
    }

    private static void assertEndsAbout(TokenGrant grant, Instant before, Duration lifetime) {
        Instant end = grant.refreshTokenExpiresAt().orElseThrow(() -> new AssertionError("no refresh_token_expires_in read"));
        assertThat(end).isBetween(before.plus(lifetime).minusSeconds(2), Instant.now().plus(lifetime).plusSeconds(1));
    }

    @Test
    void aTimeLimitedGrantAnnouncesItsEndOnTheCodeExchange() {
        Instant before = Instant.now();
        assertEndsAbout(authorizeFor(Optional.of("3600")), before, Duration.ofHours(1));
    }

    @Test
    void anUnlimitedGrantAnnouncesNoEnd() {
        assertThat(authorizeFor(Optional.of("unlimited")).refreshTokenExpiresAt()).isEmpty();
    }

    @Test
    void aClientInTestingGetsSevenDayRefreshTokensThatRefreshWithTheirEndAndThenFail() {
        sandbox.control().setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.TESTING);
        sandbox.control().observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, true);  // observed at Google, not documented
        Instant before = Instant.now();
        TokenGrant grant = authorizeFor(Optional.empty());
        assertEndsAbout(grant, before, TESTING_LIFETIME);

        Refresh refreshed = sandbox.provider().refresh(grant.refreshToken().orElseThrow());
        assertThat(refreshed).isInstanceOf(Refresh.Refreshed.class);

        sandbox.control().advanceClock(Duration.ofDays(7));
        assertThat(sandbox.provider().refresh(grant.refreshToken().orElseThrow())).isInstanceOf(Refresh.Revoked.class);
    }
}
