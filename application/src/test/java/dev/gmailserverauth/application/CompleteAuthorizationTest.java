package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.CompleteAuthorization.Callback;
import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Authorized;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Rejected;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompleteAuthorizationTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private AuthorizationUrl started() {
        return world.started(BeginAuthorization.Command.anonymous(world.browser.binding()));
    }

    private Callback callback(AuthorizationState state, String code) {
        return new Callback(Optional.of(state.value()), Optional.of(code), Optional.empty(), Optional.of(world.browser));
    }

    private static ConsentRequired consentRequired(AuthorizationOutcome outcome, ConsentReason reason) {
        assertThat(outcome).isInstanceOf(ConsentRequired.class);
        ConsentRequired consent = (ConsentRequired) outcome;
        assertThat(consent.reason()).isEqualTo(reason);
        return consent;
    }

    @Test
    void authorizesTheUserAndStoresTheRefreshToken() {
        AuthorizationOutcome outcome = world.signIn(alice);
        assertThat(outcome).isEqualTo(new Authorized(world.personOf(alice.userId()), alice.userId(), alice.email(), false));
        StoredCredential stored = world.credentials.findByUserId(alice.userId()).orElseThrow();
        assertThat(stored.email()).isEqualTo(alice.email());
        assertThat(stored.grantedScopes().grantsGmailRead()).isTrue();
        assertThat(stored.accessToken()).isPresent();
    }

    @Test
    void rejectsAMissingStateWithoutExchangingTheCode() {
        AuthorizationOutcome outcome = world.complete.complete(new Callback(Optional.empty(), Optional.of("4/code"), Optional.empty(), Optional.of(world.browser)));
        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(world.google.exchangeCount()).isZero();
    }

    @Test
    void rejectsAMalformedState() {
        AuthorizationOutcome outcome = world.complete.complete(new Callback(Optional.of("<script>"), Optional.of("4/code"), Optional.empty(), Optional.of(world.browser)));
        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(world.google.exchangeCount()).isZero();
    }

    @Test
    void rejectsAStateThisServerNeverIssued() {
        assertThat(world.complete.complete(callback(AuthorizationState.random(), "4/code"))).isInstanceOf(Rejected.class);
        assertThat(world.google.exchangeCount()).isZero();
    }

    @Test
    void rejectsAReplayedStateWithoutASecondExchange() {
        AuthorizationState state = World.stateOf(started());
        String code = world.google.approve(state, alice).value();
        assertThat(world.complete.complete(callback(state, code))).isInstanceOf(Authorized.class);
        assertThat(world.complete.complete(callback(state, code))).isInstanceOf(Rejected.class);
        assertThat(world.google.exchangeCount()).isEqualTo(1);
    }

    @Test
    void rejectsAStateOlderThanTenMinutes() {
        AuthorizationState state = World.stateOf(started());
        String code = world.google.approve(state, alice).value();
        world.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(world.complete.complete(callback(state, code))).isInstanceOf(Rejected.class);
        assertThat(world.google.exchangeCount()).isZero();
    }

    @Test
    void aDeniedConsentOffersToTryAgain() {
        AuthorizationState state = World.stateOf(started());
        AuthorizationOutcome outcome = world.complete.complete(new Callback(Optional.of(state.value()), Optional.empty(), Optional.of("access_denied"), Optional.of(world.browser)));
        ConsentRequired consent = consentRequired(outcome, ConsentReason.ACCESS_DENIED);
        assertThat(world.pending.take(World.stateOf(world.consentUrl(consent, Optional.empty())))).isPresent();
        assertThat(world.google.exchangeCount()).isZero();
    }

    @Test
    void aCallbackFromAnotherBrowserIsRejectedWithoutAnyExchange() {
        UserIdentity mallory = world.google.addAccount("mallory@example.com");
        AuthorizationState attackers = World.stateOf(started());
        String code = world.google.approve(attackers, mallory).value();

        BrowserNonce victim = BrowserNonce.random();
        AuthorizationOutcome outcome = world.complete.complete(
                new Callback(Optional.of(attackers.value()), Optional.of(code), Optional.empty(), Optional.of(victim)));
        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).reason()).contains("another browser");
        assertThat(world.google.exchangeCount()).isZero();
        assertThat(world.credentials.findByUserId(mallory.userId())).isEmpty();
    }

    @Test
    void aCallbackWithoutTheSignInNonceIsRejected() {
        AuthorizationState state = World.stateOf(started());
        String code = world.google.approve(state, alice).value();
        assertThat(world.complete.complete(new Callback(Optional.of(state.value()), Optional.of(code), Optional.empty(), Optional.empty())))
                .isInstanceOf(Rejected.class);
        assertThat(world.google.exchangeCount()).isZero();
    }

    @Test
    void twoSignInsStartedInOneBrowserBothComplete() {
        AuthorizationUrl first = started();
        AuthorizationUrl second = started();
        assertThat(world.signInAt(second, alice, Scopes.REQUESTED)).isInstanceOf(Authorized.class);
        assertThat(world.signInAt(first, alice, Scopes.REQUESTED)).isInstanceOf(Authorized.class);
    }

    @Test
    void rejectsACallbackWithoutCode() {
        AuthorizationState state = World.stateOf(started());
        assertThat(world.complete.complete(new Callback(Optional.of(state.value()), Optional.empty(), Optional.empty(), Optional.of(world.browser)))).isInstanceOf(Rejected.class);
    }

    @Test
    void aCodeTheProviderRejectsSendsTheUserBackToConsent() {
        AuthorizationState state = World.stateOf(started());
        world.google.approve(state, alice);
        consentRequired(world.complete.complete(callback(state, "4/forged")), ConsentReason.CODE_EXCHANGE_FAILED);
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
    }

    @Test
    void noUserIdFromUserinfoStoresNothing() {
        world.google.answerUserinfoWithoutId(true);
        consentRequired(world.signIn(alice), ConsentReason.NO_USER_ID);
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
    }

    @Test
    void anUntickedGmailScopeStoresNothingAndForcesConsentAgain() {
        ConsentRequired consent = consentRequired(world.signIn(alice, FakeGoogle.withoutGmail()), ConsentReason.INSUFFICIENT_SCOPE);
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
        QueryString query = QueryString.of(world.consentUrl(consent, Optional.empty()).value());
        assertThat(query.get("prompt")).contains("consent");
        assertThat(query.require("login_hint")).isEqualTo("alice@example.com");
        assertThat(world.signInAt(world.consentUrl(consent, Optional.empty()), alice, Scopes.REQUESTED)).isInstanceOf(Authorized.class);
    }

    @Test
    void aSecondSignInWithoutRefreshTokenKeepsTheStoredOne() {
        world.signIn(alice);
        RefreshToken first = world.credentials.findByUserId(alice.userId()).orElseThrow().refreshToken();
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(world.signIn(alice)).isInstanceOf(Authorized.class);
        StoredCredential stored = world.credentials.findByUserId(alice.userId()).orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo(first);
        assertThat(stored.updatedAt()).isAfter(stored.createdAt());
    }

    @Test
    void noRefreshTokenAndNoneStoredAsksForConsentWithPrompt() {
        world.signIn(alice);
        world.credentials.delete(alice.userId());
        ConsentRequired consent = consentRequired(world.signIn(alice), ConsentReason.NO_REFRESH_TOKEN);
        assertThat(QueryString.of(world.consentUrl(consent, Optional.empty()).value()).get("prompt")).contains("consent");
        assertThat(world.signInAt(world.consentUrl(consent, Optional.empty()), alice, Scopes.REQUESTED)).isInstanceOf(Authorized.class);
        assertThat(world.credentials.findByUserId(alice.userId())).isPresent();
    }
}
