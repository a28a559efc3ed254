package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.fake.Fixtures;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisconnectAndSessionsTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    @Test
    void disconnectRevokesTheGrantAndForgetsEverything() {
        world.signIn(alice);
        SessionToken session = world.session(alice.userId());
        var refreshToken = world.credentials.findByUserId(alice.userId()).orElseThrow().refreshToken();
        assertThat(world.disconnect.disconnect(alice.userId())).isEqualTo(Disconnect.Result.DISCONNECTED);
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
        assertThat(world.resolveSession.resolve(session)).isEmpty();
        assertThat(world.google.authorizationProvider().refresh(refreshToken)).isInstanceOf(Refresh.Revoked.class);
    }

    @Test
    void disconnectDropsTheUsersCachedSummariesOnly() {
        UserIdentity bob = world.google.addAccount("bob@example.com");
        for (UserIdentity user : List.of(alice, bob)) {
            world.signIn(user);
            world.google.addMessage(user, new NewMessage("Carol <carol@example.com>", "Hi", "Hello",
                    Instant.parse("2026-01-01T00:00:00Z"), false));
            world.asUser(user.userId(), grant -> world.listMessages.list(grant, new ListMessages.Query(SearchQuery.ALL, Optional.empty(), PageSize.DEFAULT)));
        }
        assertThat(world.cache.size()).isEqualTo(2);
        world.disconnect.disconnect(alice.userId());
        assertThat(world.cache.size()).isEqualTo(1);
    }

    @Test
    void disconnectStillForgetsWhenTheGrantWasAlreadyRevoked() {
        world.signIn(alice);
        world.google.revokeGrants(alice);
        assertThat(world.disconnect.disconnect(alice.userId())).isEqualTo(Disconnect.Result.DISCONNECTED);
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
    }

    @Test
    void disconnectKeepsTheCredentialWhenTheProviderCannotBeReached() {
        world.signIn(alice);
        world.google.goOffline(true);
        assertThatThrownBy(() -> world.disconnect.disconnect(alice.userId())).isInstanceOf(ProviderUnavailableException.class);
        assertThat(world.credentials.findByUserId(alice.userId())).isPresent();
    }

    @Test
    void disconnectWithNothingStoredSaysSo() {
        assertThat(world.disconnect.disconnect(alice.userId())).isEqualTo(Disconnect.Result.NOTHING_STORED);
    }

    @Test
    void aSessionResolvesToItsUserUntilItEnds() {
        SessionToken token = world.session(alice.userId());
        assertThat(world.resolveSession.resolve(token).map(SignedIn::defaultAccount)).contains(alice.userId());
        world.endSession.end(token);
        assertThat(world.resolveSession.resolve(token)).isEmpty();
    }

    @Test
    void eachSignInGetsANewSessionToken() {
        assertThat(world.session(alice.userId())).isNotEqualTo(world.session(alice.userId()));
    }

    @Test
    void anIdleSessionExpiresAndActivityKeepsItAlive() {
        SessionToken active = world.session(alice.userId());
        SessionToken idle = world.session(alice.userId());
        for (int day = 0; day < 10; day++) {
            world.clock.advance(Duration.ofDays(1));
            assertThat(world.resolveSession.resolve(active).map(SignedIn::defaultAccount)).contains(alice.userId());
        }
        assertThat(world.resolveSession.resolve(idle)).isEmpty();
    }

    @Test
    void noSessionOutlivesTheAbsoluteTimeout() {
        SessionToken token = world.session(alice.userId());
        for (int day = 0; day < 31; day++) {
            world.clock.advance(Duration.ofDays(1));
            world.resolveSession.resolve(token);
        }
        assertThat(world.resolveSession.resolve(token)).isEmpty();
    }

    @Test
    void anUnknownSessionTokenResolvesToNobody() {
        assertThat(world.resolveSession.resolve(SessionToken.random())).isEmpty();
    }

    @Test
    void describeUserNamesAStoredUser() {
        world.signIn(alice);
        assertThat(world.describeUser.describe(alice.userId())).contains(alice);
    }

    @Test
    void sweepDropsAbandonedSignInsExpiredSessionsAndOldSecurityEventIds() {
        world.pending.put(Fixtures.pending(world.clock.instant()));
        world.session(alice.userId());
        world.seenSecurityEvents.firstSighting(new SecurityEventId("old"), world.clock.instant().minus(SeenSecurityEvents.RETENTION));
        world.clock.advance(Duration.ofDays(8));
        world.pending.put(Fixtures.pending(world.clock.instant()));
        world.seenSecurityEvents.firstSighting(new SecurityEventId("recent"), world.clock.instant());
        assertThat(world.sweepExpired.sweep()).isEqualTo(new SweepExpired.Swept(1, 1, 1));
        assertThat(world.pending.size()).isEqualTo(1);
    }
}
