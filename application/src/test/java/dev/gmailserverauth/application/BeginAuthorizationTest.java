package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeginAuthorizationTest {
    private final World world = new World();

    @Test
    void remembersTheStateItSendsOut() {
        AuthorizationUrl url = world.started(BeginAuthorization.Command.anonymous(world.browser.binding()));
        assertThat(world.pending.take(World.stateOf(url))).isPresent();
    }

    @Test
    void asksForOfflineAccessWithPkceAndWithoutPromptForAnUnknownUser() {
        QueryString query = QueryString.of(world.started(BeginAuthorization.Command.anonymous(world.browser.binding())).value());
        assertThat(query.require("access_type")).isEqualTo("offline");
        assertThat(query.require("include_granted_scopes")).isEqualTo("true");
        assertThat(query.require("code_challenge_method")).isEqualTo("S256");
        assertThat(query.get("prompt")).isEmpty();
    }

    @Test
    void passesTheLoginHint() {
        QueryString query = QueryString.of(world.started(new BeginAuthorization.Command(Optional.empty(), Optional.of(new EmailAddress("bob@example.com")), false, world.browser.binding())).value());
        assertThat(query.require("login_hint")).isEqualTo("bob@example.com");
    }

    @Test
    void forcesConsentForAKnownUserWithoutAStoredRefreshToken() {
        BeginAuthorization.Command command = new BeginAuthorization.Command(Optional.of(new UserId("42")), Optional.empty(), false, world.browser.binding());
        assertThat(QueryString.of(world.started(command).value()).get("prompt")).contains("consent");
    }

    @Test
    void doesNotForceConsentForAKnownUserWithAStoredRefreshTokenAndHintsTheirEmail() {
        UserIdentity alice = world.google.addAccount("alice@example.com");
        world.signIn(alice);
        BeginAuthorization.Command command = new BeginAuthorization.Command(Optional.of(alice.userId()), Optional.empty(), false, world.browser.binding());
        QueryString query = QueryString.of(world.started(command).value());
        assertThat(query.get("prompt")).isEmpty();
        assertThat(query.require("login_hint")).isEqualTo("alice@example.com");
    }

    @Test
    void refusesASignInBeyondTheCapOfSignInsInFlightUntilTheyExpire() {
        for (int i = 0; i < World.MAX_IN_FLIGHT; i++) world.started(BeginAuthorization.Command.anonymous(BrowserNonce.random().binding()));
        BeginAuthorization.Start refused = world.begin.begin(BeginAuthorization.Command.anonymous(world.browser.binding()));
        assertThat(refused).isInstanceOf(BeginAuthorization.Start.TooManyInFlight.class);
        assertThat(world.pending.size()).isEqualTo(World.MAX_IN_FLIGHT);

        world.clock.advance(PendingAuthorization.TIME_TO_LIVE.plusSeconds(1));
        assertThat(world.begin.begin(BeginAuthorization.Command.anonymous(world.browser.binding()))).isInstanceOf(BeginAuthorization.Start.Started.class);
    }

    @Test
    void forcesConsentWhenAsked() {
        BeginAuthorization.Command command = new BeginAuthorization.Command(Optional.empty(), Optional.empty(), true, world.browser.binding());
        assertThat(QueryString.of(world.started(command).value()).get("prompt")).contains("consent");
    }
}
