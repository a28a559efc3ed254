package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Authorized;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.HistoryEntry.Kind;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a grant ends while the person is away: its announced end, a Workspace re-authentication, a revocation. */
class GrantLifecycleTest {
    private static final Duration SEVEN_DAYS = Duration.ofSeconds(604_799);
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private MailboxGrant granted(AccessOutcome outcome) {
        assertThat(outcome).isInstanceOf(AccessOutcome.Granted.class);
        return ((AccessOutcome.Granted) outcome).grant();
    }

    private ConsentReason denied(AccessOutcome outcome) {
        assertThat(outcome).isInstanceOf(AccessOutcome.Denied.class);
        return ((AccessOutcome.Denied) outcome).consent().reason();
    }

    private List<Kind> historyKinds() {
        return world.history.latest(alice.userId(), 20).stream().map(HistoryEntry::kind).toList();
    }

    @Test
    void aTimeLimitedGrantCarriesItsEndToThePages() {
        assertThat(world.signInTimeLimited(alice, SEVEN_DAYS)).isInstanceOf(Authorized.class);
        Instant end = World.START.plus(SEVEN_DAYS);
        assertThat(world.credentials.findByUserId(alice.userId()).orElseThrow().refreshTokenExpiresAt()).contains(end);
        assertThat(granted(world.access.open(alice.userId())).accessEnd()).contains(new AccessEnd(end, false));
    }

    @Test
    void renewalIsOfferedFromTheNoticeBeforeTheEnd() {
        world.signInTimeLimited(alice, SEVEN_DAYS);
        world.clock.set(World.START.plus(SEVEN_DAYS).minus(RenewalNotice.DEFAULT).minusSeconds(1));
        assertThat(granted(world.access.open(alice.userId())).accessEnd().orElseThrow().renewalOffered()).isFalse();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(granted(world.access.open(alice.userId())).accessEnd().orElseThrow().renewalOffered()).isTrue();
    }

    @Test
    void aRefreshBeforeTheEndKeepsTheEnd() {
        world.signInTimeLimited(alice, SEVEN_DAYS);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        granted(world.access.open(alice.userId()));
        assertThat(world.google.refreshCount()).isEqualTo(1);
        assertThat(world.credentials.findByUserId(alice.userId()).orElseThrow().refreshTokenExpiresAt()).contains(World.START.plus(SEVEN_DAYS));
    }

    @Test
    void afterTheEndNoRefreshIsTriedAndThePersonIsToldTheirTimeLimitedAccessEnded() {
        world.signInTimeLimited(alice, SEVEN_DAYS);
        world.clock.advance(SEVEN_DAYS);
        assertThat(denied(world.access.open(alice.userId()))).isEqualTo(ConsentReason.TIME_LIMITED_ACCESS_ENDED);
        assertThat(world.google.refreshCount()).isZero();
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
        assertThat(historyKinds()).containsExactly(Kind.TIME_LIMITED_ACCESS_ENDED, Kind.CONNECTED);
        assertThat(ConsentReason.TIME_LIMITED_ACCESS_ENDED.needsNewRefreshToken()).isTrue();
    }

    @Test
    void evenAnAccessTokenThatLooksAliveIsNotUsedAfterTheEnd() {
        world.signInTimeLimited(alice, Duration.ofMinutes(30));
        world.clock.advance(Duration.ofMinutes(30));
        assertThat(denied(world.access.open(alice.userId()))).isEqualTo(ConsentReason.TIME_LIMITED_ACCESS_ENDED);
    }

    @Test
    void consentAfterTheEndConnectsAgain() {
        world.signInTimeLimited(alice, SEVEN_DAYS);
        world.clock.advance(SEVEN_DAYS);
        AccessOutcome.Denied denied = (AccessOutcome.Denied) world.access.open(alice.userId());
        assertThat(world.signInAt(world.consentUrl(denied.consent(), Optional.of(alice.userId())), alice, Scopes.REQUESTED))
                .isInstanceOf(Authorized.class);
        assertThat(world.credentials.findByUserId(alice.userId()).orElseThrow().isTimeLimited()).isFalse();
        granted(world.access.open(alice.userId()));
    }

    @Test
    void reauthenticationKeepsTheGrantAndIsRecordedOnce() {
        world.signIn(alice);
        world.google.requireReauthentication(alice, true);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        assertThat(denied(world.access.open(alice.userId()))).isEqualTo(ConsentReason.REAUTHENTICATION_REQUIRED);
        assertThat(denied(world.access.open(alice.userId()))).isEqualTo(ConsentReason.REAUTHENTICATION_REQUIRED);
        assertThat(world.credentials.findByUserId(alice.userId())).isPresent();
        assertThat(historyKinds()).containsExactly(Kind.REAUTHENTICATION_REQUIRED, Kind.CONNECTED);
        assertThat(world.history.latest(alice.userId(), 1).get(0).detail().orElseThrow()).contains("invalid_rapt");
        assertThat(ConsentReason.REAUTHENTICATION_REQUIRED.needsNewRefreshToken()).isFalse();
    }

    @Test
    void signingInAgainAfterReauthenticationReusesTheStoredRefreshToken() {
        world.signIn(alice);
        var refreshToken = world.credentials.findByUserId(alice.userId()).orElseThrow().refreshToken();
        world.google.requireReauthentication(alice, true);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        world.access.open(alice.userId());
        // The way back does not force consent, so Google issues no new refresh token; the stored one is kept.
        AuthorizationOutcome again = world.signIn(alice);
        assertThat(again).isInstanceOf(Authorized.class);
        assertThat(world.credentials.findByUserId(alice.userId()).orElseThrow().refreshToken()).isEqualTo(refreshToken);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        granted(world.access.open(alice.userId()));
        assertThat(historyKinds()).containsExactly(Kind.RECONSENTED, Kind.REAUTHENTICATION_REQUIRED, Kind.CONNECTED);
    }

    @Test
    void aRevokedRefreshTokenIsRecordedWithGooglesReason() {
        world.signIn(alice);
        world.google.revokeGrants(alice);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        assertThat(denied(world.access.open(alice.userId()))).isEqualTo(ConsentReason.CREDENTIALS_REVOKED);
        HistoryEntry failed = world.history.latest(alice.userId(), 1).get(0);
        assertThat(failed.kind()).isEqualTo(Kind.REFRESH_FAILED);
        assertThat(failed.detail().orElseThrow()).contains("invalid_grant");
    }

    @Test
    void everyUseCaseOfARequestHearsTheSameReasonWhenItsOneRefreshIsDenied() {
        world.signIn(alice);
        MailboxGrant grant = granted(world.access.open(alice.userId()));
        world.google.requireReauthentication(alice, true);
        world.google.expireAccessTokens(alice);
        MailOutcome<?> labels = world.listLabels.list(grant);
        MailOutcome<?> messages = world.listMessages.list(grant, new ListMessages.Query(SearchQuery.ALL, Optional.empty(), PageSize.DEFAULT));
        for (MailOutcome<?> outcome : List.of(labels, messages)) {
            assertThat(outcome).isInstanceOfSatisfying(MailOutcome.ReauthorizationRequired.class,
                    denied -> assertThat(denied.consent().reason()).isEqualTo(ConsentReason.REAUTHENTICATION_REQUIRED));
        }
        assertThat(world.google.refreshCount()).isEqualTo(1);
    }
}
