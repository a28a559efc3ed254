package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.CompleteAuthorization.Callback;
import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Rejected;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.SignInRefused;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.HistoryEntry.Kind;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The redirect back (errors, {@code iss}, a held account), the history it writes, and the connection page's view. */
class ConnectionHistoryTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private AuthorizationState started() {
        return World.stateOf(world.started(BeginAuthorization.Command.anonymous(world.browser.binding())));
    }

    private List<Kind> historyKinds() {
        return world.history.latest(alice.userId(), 20).stream().map(HistoryEntry::kind).toList();
    }

    static Stream<Arguments> redirectErrors() {
        return Stream.of(
                Arguments.of("access_denied", ConsentReason.ACCESS_DENIED),
                Arguments.of("invalid_scope", ConsentReason.INVALID_SCOPE),
                Arguments.of("unauthorized_client", ConsentReason.UNAUTHORIZED_CLIENT),
                Arguments.of("server_error", ConsentReason.SERVER_ERROR),
                Arguments.of("temporarily_unavailable", ConsentReason.TEMPORARILY_UNAVAILABLE),
                Arguments.of("login_required", ConsentReason.LOGIN_REQUIRED),
                Arguments.of("consent_required", ConsentReason.CONSENT_REQUIRED),
                Arguments.of("interaction_required", ConsentReason.INTERACTION_REQUIRED),
                Arguments.of("invalid_request", ConsentReason.AUTHORIZATION_ERROR));
    }

    @ParameterizedTest
    @MethodSource("redirectErrors")
    void eachRedirectErrorHasItsOwnReasonAndNoCodeExchange(String error, ConsentReason reason) {
        AuthorizationOutcome outcome = world.complete.complete(new Callback(Optional.of(started().value()), Optional.empty(),
                Optional.of(error), Optional.of(world.browser), Optional.of(World.ISSUER.value())));
        assertThat(outcome).isInstanceOfSatisfying(ConsentRequired.class, consent -> assertThat(consent.reason()).isEqualTo(reason));
        assertThat(reason).isNotEqualTo(ConsentReason.CODE_EXCHANGE_FAILED);
        assertThat(world.google.exchangeCount()).isZero();
    }

    @Test
    void aResponseFromAnotherIssuerIsRefusedWithoutACodeExchange() {
        AuthorizationState state = started();
        String code = world.google.approve(state, alice).value();
        AuthorizationOutcome outcome = world.complete.complete(new Callback(Optional.of(state.value()), Optional.of(code), Optional.empty(),
                Optional.of(world.browser), Optional.of("https://accounts.evil.example")));
        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, rejected -> assertThat(rejected.reason()).contains("iss"));
        assertThat(world.google.exchangeCount()).isZero();
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
    }

    @Test
    void anErrorFromAnotherIssuerIsRefusedToo() {
        AuthorizationOutcome outcome = world.complete.complete(new Callback(Optional.of(started().value()), Optional.empty(),
                Optional.of("access_denied"), Optional.of(world.browser), Optional.of("https://accounts.google.com/")));
        assertThat(outcome).isInstanceOf(Rejected.class);
    }

    @Test
    void aResponseWithoutIssIsAccepted() {
        AuthorizationState state = started();
        String code = world.google.approve(state, alice).value();
        assertThat(world.complete.complete(new Callback(Optional.of(state.value()), Optional.of(code), Optional.empty(),
                Optional.of(world.browser))))
                .isInstanceOf(AuthorizationOutcome.Authorized.class);
    }

    @Test
    void anAccountGoogleReportedHijackedMayNotSignInAndNothingIsStored() {
        SignInHold hold = new SignInHold(alice.userId(), "account-disabled (hijacking)", World.START);
        world.holds.hold(hold);
        assertThat(world.signIn(alice)).isEqualTo(new SignInRefused(alice.userId(), hold));
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
        world.holds.release(alice.userId());
        // The refused sign-in's grant was revoked at Google, so the next sign-in gets a new refresh token.
        assertThat(world.signIn(alice)).isInstanceOf(AuthorizationOutcome.Authorized.class);
    }

    @Test
    void theHistoryTellsConnectedThenReconsented() {
        world.signIn(alice);
        world.clock.advance(Duration.ofMinutes(5));
        world.signIn(alice, Scopes.REQUESTED);
        assertThat(historyKinds()).containsExactly(Kind.RECONSENTED, Kind.CONNECTED);
    }

    @Test
    void disconnectKeepsOnlyTheDateOfTheDisconnectAndAnyHold() {
        world.signIn(alice);
        world.holds.hold(new SignInHold(alice.userId(), "account-disabled (hijacking)", World.START));
        world.clock.advance(Duration.ofMinutes(5));
        world.disconnect.disconnect(alice.userId());
        assertThat(world.history.latest(alice.userId(), 20)).containsExactly(HistoryEntry.of(World.START.plus(Duration.ofMinutes(5)), Kind.DISCONNECTED));
        assertThat(world.holds.find(alice.userId())).isPresent();
    }

    @Test
    void theConnectionPageShowsTheGrantItsEndItsRenewalAndTheHistory() {
        world.signInTimeLimited(alice, Duration.ofDays(7));
        ViewAccount.Account fresh = world.viewAccount.view(alice.userId());
        ViewAccount.Connection connection = fresh.connection().orElseThrow();
        assertThat(connection.email()).isEqualTo(alice.email());
        assertThat(connection.connectedSince()).isEqualTo(World.START);
        assertThat(connection.scopes()).isEqualTo(Scopes.REQUESTED);
        assertThat(connection.timeLimited()).isTrue();
        assertThat(connection.accessEnd()).contains(new AccessEnd(World.START.plus(Duration.ofDays(7)), false));
        assertThat(connection.lastRenewed()).isEmpty();
        assertThat(fresh.history()).extracting(HistoryEntry::kind).containsExactly(Kind.CONNECTED);
        assertThat(fresh.history().get(0).detail().orElseThrow()).contains("time-limited");

        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        world.access.open(alice.userId());
        assertThat(world.viewAccount.view(alice.userId()).connection().orElseThrow().lastRenewed()).contains(world.clock.instant());
    }

    @Test
    void theConnectionPageOfSomeoneDisconnectedShowsNoConnectionButTheKeptEntry() {
        world.signIn(alice);
        world.disconnect.disconnect(alice.userId());
        ViewAccount.Account account = world.viewAccount.view(alice.userId());
        assertThat(account.connection()).isEmpty();
        assertThat(account.history()).extracting(HistoryEntry::kind).containsExactly(Kind.DISCONNECTED);
    }
}
