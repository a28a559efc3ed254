package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.event.ReauthorizationReason;
import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.fake.FakeSecurityEventIssuer;
import dev.gmailserverauth.domain.fake.InMemorySeenSecurityEvents;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every change in a grant's life becomes one event, written with the change. */
class GrantEventsTest {
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private List<NewEvent> events(EventType type) {
        return world.events.appended(type);
    }

    private EventPayload.ReauthorizationRequired onlyReauthorization() {
        List<NewEvent> events = events(EventType.ACCOUNT_REAUTHORIZATION_REQUIRED);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).account()).isEqualTo(alice.userId());
        assertThat(events.get(0).email()).isEqualTo(alice.email());
        return (EventPayload.ReauthorizationRequired) events.get(0).payload();
    }

    @Test
    void connectingTellsAccountConnectedAndConsentingAgainTellsItReconnected() {
        world.signIn(alice);
        world.signIn(alice);
        assertThat(events(EventType.ACCOUNT_CONNECTED)).extracting(NewEvent::payload).containsExactly(
                new EventPayload.AccountConnected(Scopes.REQUESTED, false, Optional.empty()),
                new EventPayload.AccountConnected(Scopes.REQUESTED, true, Optional.empty()));
    }

    @Test
    void aTimeLimitedConnectionSaysWhenItsAccessEnds() {
        world.signInTimeLimited(alice, SEVEN_DAYS);
        assertThat(events(EventType.ACCOUNT_CONNECTED)).extracting(NewEvent::payload).containsExactly(
                new EventPayload.AccountConnected(Scopes.REQUESTED, false, Optional.of(World.START.plus(SEVEN_DAYS))));
    }

    @Test
    void disconnectingTellsAccountDisconnectedOnlyWhenAGrantWasStored() {
        world.signIn(alice);
        world.disconnect.disconnect(alice.userId());
        world.disconnect.disconnect(alice.userId());
        assertThat(events(EventType.ACCOUNT_DISCONNECTED)).singleElement()
                .satisfies(event -> assertThat(event.payload()).isEqualTo(new EventPayload.AccountDisconnected()));
    }

    @Test
    void aRevokedGrantTellsReauthorizationRequiredInGooglesWords() {
        world.signIn(alice);
        world.google.revokeGrants(alice);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        world.access.open(alice.userId());
        EventPayload.ReauthorizationRequired payload = onlyReauthorization();
        assertThat(payload.reason()).isEqualTo(ReauthorizationReason.REVOKED);
        assertThat(payload.googleSays()).contains("invalid_grant");
    }

    @Test
    void theEndOfATimeLimitedGrantTellsReauthorizationRequired() {
        world.signInTimeLimited(alice, SEVEN_DAYS);
        world.clock.advance(SEVEN_DAYS);
        world.access.open(alice.userId());
        EventPayload.ReauthorizationRequired payload = onlyReauthorization();
        assertThat(payload.reason()).isEqualTo(ReauthorizationReason.TIME_LIMITED_END);
        assertThat(payload.googleSays()).contains("refresh_token_expires_in");
    }

    @Test
    void reauthenticationIsToldOnceWhileTheGrantStays() {
        world.signIn(alice);
        world.google.requireReauthentication(alice, true);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        world.access.open(alice.userId());
        world.access.open(alice.userId());
        EventPayload.ReauthorizationRequired payload = onlyReauthorization();
        assertThat(payload.reason()).isEqualTo(ReauthorizationReason.REAUTHENTICATION);
        assertThat(payload.googleSays()).contains("invalid_rapt");
        assertThat(world.credentials.findByUserId(alice.userId())).isPresent();
    }

    @Test
    void aSecurityEventThatEndsTheGrantTellsReauthorizationRequiredWithItsSignal() {
        world.signIn(alice);
        FakeSecurityEventIssuer issuer = new FakeSecurityEventIssuer(world.clock);
        HandleSecurityEvent handle = new HandleSecurityEvent(issuer.verifier(), new InMemorySeenSecurityEvents(), world.credentials,
                world.sessions, world.links, world.holds, world.history, world.recorder, world.cache, world.endSync, world.clock);
        handle.handle(issuer.sign(new SecurityEvent.AccountDisabled(alice.userId(), Optional.of("hijacking"))));
        EventPayload.ReauthorizationRequired payload = onlyReauthorization();
        assertThat(payload.reason()).isEqualTo(ReauthorizationReason.SECURITY_EVENT);
        assertThat(payload.googleSays()).isEqualTo("account-disabled (hijacking)");
    }

    @Test
    void aSecurityEventThatKeepsTheGrantTellsNothing() {
        world.signIn(alice);
        FakeSecurityEventIssuer issuer = new FakeSecurityEventIssuer(world.clock);
        HandleSecurityEvent handle = new HandleSecurityEvent(issuer.verifier(), new InMemorySeenSecurityEvents(), world.credentials,
                world.sessions, world.links, world.holds, world.history, world.recorder, world.cache, world.endSync, world.clock);
        handle.handle(issuer.sign(new SecurityEvent.SessionsRevoked(alice.userId())));
        assertThat(events(EventType.ACCOUNT_REAUTHORIZATION_REQUIRED)).isEmpty();
    }

    @Test
    void accessEndingIsToldOncePerGrantInsideTheNoticePeriod() {
        world.signInTimeLimited(alice, SEVEN_DAYS);
        world.access.open(alice.userId());
        assertThat(events(EventType.ACCOUNT_ACCESS_ENDING)).isEmpty();
        world.clock.set(World.START.plus(SEVEN_DAYS).minus(RenewalNotice.DEFAULT));
        world.access.open(alice.userId());
        world.clock.advance(Duration.ofHours(2));
        world.access.open(alice.userId());
        assertThat(events(EventType.ACCOUNT_ACCESS_ENDING)).extracting(NewEvent::payload)
                .containsExactly(new EventPayload.AccessEnding(World.START.plus(SEVEN_DAYS)));
    }
}
