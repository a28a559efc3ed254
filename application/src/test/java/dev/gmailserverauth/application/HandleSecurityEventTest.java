package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.application.HandleSecurityEvent.Effect;
import dev.gmailserverauth.application.HandleSecurityEvent.Outcome;
import dev.gmailserverauth.domain.error.StorageException;
import dev.gmailserverauth.domain.fake.FakeSecurityEventIssuer;
import dev.gmailserverauth.domain.fake.InMemoryAccountHistory;
import dev.gmailserverauth.domain.fake.InMemorySeenSecurityEvents;
import dev.gmailserverauth.domain.fake.InMemorySignInHolds;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.HistoryEntry.Kind;
import dev.gmailserverauth.domain.model.AccountSubject;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandleSecurityEventTest {
    private final World world = new World();
    private final FakeSecurityEventIssuer google = new FakeSecurityEventIssuer(world.clock);
    private final InMemorySeenSecurityEvents seen = new InMemorySeenSecurityEvents();
    private final InMemorySignInHolds holds = new InMemorySignInHolds();
    private final InMemoryAccountHistory history = new InMemoryAccountHistory();
    private final HandleSecurityEvent handle = handleWith(world.credentials);
    private final UserIdentity alice = world.google.addAccount("alice@example.com");
    private final UserId aliceId = alice.userId();
    private SessionToken session;

    private HandleSecurityEvent handleWith(CredentialRepository credentials) {
        return new HandleSecurityEvent(google.verifier(), seen, credentials, world.sessions, world.links, holds, history, world.recorder, world.cache,
                world.endSync, world.clock);
    }

    @BeforeEach
    void signInAlice() {
        world.signIn(alice);
        session = world.session(aliceId);
    }

    private Outcome.Accepted accepted(SecurityEvent event) {
        Outcome outcome = handle.handle(google.sign(event));
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return (Outcome.Accepted) outcome;
    }

    private List<Effect> effectsOf(SecurityEvent event) {
        return accepted(event).handled().get(0).effects();
    }

    private boolean aliceIsSignedIn() {
        return world.resolveSession.resolve(session).isPresent();
    }

    private boolean aliceHasACredential() {
        return world.credentials.findByUserId(aliceId).isPresent();
    }

    private List<HistoryEntry> aliceHistory() {
        return history.latest(aliceId, 10);
    }

    @Test
    void aRevokedGrantStopsTheMailboxSyncAndDeletesWhatItSynced() {
        world.google.addMessage(alice, new NewMessage("Bob <bob@example.com>", "Hi", "Body", world.clock.instant(), true));
        world.runSync.run(aliceId);
        assertThat(world.messageIndex.count(aliceId)).isEqualTo(1);
        assertThat(world.syncJobs.keepsSyncing(aliceId)).isTrue();

        effectsOf(new SecurityEvent.TokensRevoked(aliceId));

        assertThat(world.messageIndex.count(aliceId)).isZero();
        assertThat(world.syncStates.find(aliceId).orElseThrow().status()).isEqualTo(SyncStatus.STOPPED);
        assertThat(world.syncJobs.keepsSyncing(aliceId)).isFalse();
    }

    @Test
    void tokensRevokedDeletesTheCredentialAndEndsTheSessions() {
        assertThat(effectsOf(new SecurityEvent.TokensRevoked(aliceId))).containsExactly(Effect.GRANT_REVOKED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(aliceHistory()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(Kind.REVOKED_BY_GOOGLE);
            assertThat(entry.detail()).contains("tokens-revoked");
        });
    }

    @Test
    void tokenRevokedNamingTheStoredRefreshTokenDeletesTheCredentialAndEndsTheSessions() {
        RefreshTokenPrefix prefix = world.credentials.findByUserId(aliceId).orElseThrow().refreshToken().prefix();
        assertThat(effectsOf(new SecurityEvent.TokenRevoked(prefix))).containsExactly(Effect.GRANT_REVOKED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(aliceHistory()).extracting(HistoryEntry::detail).containsExactly(Optional.of("token-revoked"));
    }

    /** Alice adds a second Google account to her person. */
    private UserIdentity linkWorkAccountToAlice() {
        UserIdentity work = world.google.addAccount("alice.work@example.com");
        dev.gmailserverauth.domain.model.PersonId person = world.personOf(aliceId);
        world.completeAt(world.started(BeginAuthorization.Command.link(person, false, world.browser.binding())), work, Optional.of(person));
        return work;
    }

    @Test
    void aRevokedGrantOfOneLinkedAccountMarksOnlyThatAccountAndKeepsThePersonSignedIn() {
        UserIdentity work = linkWorkAccountToAlice();
        SessionToken viaWork = world.session(work.userId());

        assertThat(effectsOf(new SecurityEvent.TokensRevoked(work.userId()))).containsExactly(Effect.GRANT_REVOKED);

        assertThat(aliceIsSignedIn()).isTrue();
        assertThat(world.resolveSession.resolve(viaWork)).isPresent();
        assertThat(aliceHasACredential()).as("the other account's grant stays").isTrue();
        assertThat(world.credentials.findByUserId(work.userId())).isEmpty();
        assertThat(world.listAccounts.list(world.resolveSession.resolve(session).orElseThrow())).extracting(ListAccounts.AccountState::state)
                .containsExactly(ListAccounts.State.CONNECTED, ListAccounts.State.NEEDS_RECONNECTING);
    }

    @Test
    void anEventThatEndsSessionsAboutAnyLinkedAccountEndsEverySessionOfThePerson() {
        UserIdentity work = linkWorkAccountToAlice();
        SessionToken viaWork = world.session(work.userId());

        assertThat(effectsOf(new SecurityEvent.SessionsRevoked(work.userId()))).containsExactly(Effect.SESSIONS_ENDED);

        assertThat(aliceIsSignedIn()).as("the session signed in with the other account ends too").isFalse();
        assertThat(world.resolveSession.resolve(viaWork)).isEmpty();
        assertThat(aliceHasACredential()).isTrue();
    }

    @Test
    void aDisabledLinkedAccountEndsEverySessionOfThePerson() {
        UserIdentity work = linkWorkAccountToAlice();

        effectsOf(new SecurityEvent.AccountDisabled(work.userId(), Optional.empty()));

        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(aliceHasACredential()).isTrue();
    }

    @Test
    void tokenRevokedNamingAnotherTokenChangesNothing() {
        assertThat(effectsOf(new SecurityEvent.TokenRevoked(new RefreshTokenPrefix("1//0someoneElse1")))).containsExactly(Effect.UNKNOWN_USER);
        assertThat(aliceHasACredential()).isTrue();
        assertThat(aliceIsSignedIn()).isTrue();
    }

    @Test
    void tokenRevokedNamingTheStoredRefreshTokenByItsDoubleSha512DeletesTheCredentialAndEndsTheSessions() {
        RefreshTokenHash hash = RefreshTokenHash.of(world.credentials.findByUserId(aliceId).orElseThrow().refreshToken());
        assertThat(effectsOf(new SecurityEvent.TokenRevoked(hash))).containsExactly(Effect.GRANT_REVOKED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(aliceHistory()).extracting(HistoryEntry::detail).containsExactly(Optional.of("token-revoked"));
    }

    @Test
    void tokenRevokedNamingAnotherTokenByHashChangesNothing() {
        RefreshTokenHash someoneElse = RefreshTokenHash.of(new RefreshToken("1//0someoneElse-token"));
        assertThat(effectsOf(new SecurityEvent.TokenRevoked(someoneElse))).containsExactly(Effect.UNKNOWN_USER);
        assertThat(aliceHasACredential()).isTrue();
    }

    @Test
    void anIdTokenClaimsSubjectFindsThePersonByItsSubEvenBesideAnEmail() {
        AccountSubject subject = new AccountSubject(Optional.of(aliceId), Optional.of(alice.email()));
        assertThat(effectsOf(new SecurityEvent.TokensRevoked(subject))).containsExactly(Effect.GRANT_REVOKED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(aliceIsSignedIn()).isFalse();
    }

    @Test
    void anIdTokenClaimsSubjectWithOnlyAnEmailFindsThePersonByIt() {
        AccountSubject subject = new AccountSubject(Optional.empty(), Optional.of(alice.email()));
        assertThat(effectsOf(new SecurityEvent.AccountDisabled(subject, Optional.of(SecurityEvent.AccountDisabled.HIJACKING))))
                .containsExactly(Effect.GRANT_REVOKED, Effect.SIGN_IN_SUSPENDED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(holds.find(aliceId)).isPresent();
    }

    @Test
    void anUnknownSubBesideAKnownEmailIsAnotherAccountAndChangesNothing() {
        AccountSubject subject = new AccountSubject(Optional.of(new UserId("another-google-account")), Optional.of(alice.email()));
        assertThat(effectsOf(new SecurityEvent.SessionsRevoked(subject))).containsExactly(Effect.UNKNOWN_USER);
        assertThat(effectsOf(new SecurityEvent.SessionsRevoked(new AccountSubject(Optional.empty(),
                Optional.of(new EmailAddress("stranger@example.com")))))).containsExactly(Effect.UNKNOWN_USER);
        assertThat(aliceIsSignedIn()).isTrue();
    }

    @Test
    void sessionsRevokedEndsTheSessionsAndKeepsTheCredential() {
        assertThat(effectsOf(new SecurityEvent.SessionsRevoked(aliceId))).containsExactly(Effect.SESSIONS_ENDED);
        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(aliceHasACredential()).isTrue();
        assertThat(aliceHistory()).extracting(HistoryEntry::kind).containsExactly(Kind.SESSIONS_ENDED_BY_GOOGLE);
    }

    @Test
    void credentialChangeRequiredEndsTheSessionsAndKeepsTheCredential() {
        assertThat(effectsOf(new SecurityEvent.AccountCredentialChangeRequired(aliceId))).containsExactly(Effect.SESSIONS_ENDED);
        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(aliceHasACredential()).isTrue();
        assertThat(aliceHistory()).extracting(HistoryEntry::detail).containsExactly(Optional.of("account-credential-change-required"));
    }

    @Test
    void accountDisabledForHijackingRevokesAndHoldsSignInUntilEnabled() {
        assertThat(effectsOf(new SecurityEvent.AccountDisabled(aliceId, Optional.of("hijacking"))))
                .containsExactly(Effect.GRANT_REVOKED, Effect.SIGN_IN_SUSPENDED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(holds.find(aliceId)).hasValueSatisfying(hold -> assertThat(hold.reason()).contains("hijacking"));

        assertThat(effectsOf(new SecurityEvent.AccountEnabled(aliceId))).containsExactly(Effect.SIGN_IN_RESUMED);
        assertThat(holds.find(aliceId)).isEmpty();
        assertThat(aliceHistory()).extracting(HistoryEntry::kind)
                .containsExactly(Kind.SIGN_IN_RESUMED, Kind.SIGN_IN_SUSPENDED, Kind.REVOKED_BY_GOOGLE);
    }

    @Test
    void accountDisabledForAnotherReasonRevokesWithoutHold() {
        assertThat(effectsOf(new SecurityEvent.AccountDisabled(aliceId, Optional.of("bulk-account")))).containsExactly(Effect.GRANT_REVOKED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(aliceIsSignedIn()).isFalse();
        assertThat(holds.find(aliceId)).isEmpty();
        assertThat(aliceHistory()).extracting(HistoryEntry::detail).containsExactly(Optional.of("account-disabled (bulk-account)"));
    }

    @Test
    void accountPurgedRevokesLikeAccountDisabled() {
        assertThat(effectsOf(new SecurityEvent.AccountPurged(aliceId))).containsExactly(Effect.GRANT_REVOKED);
        assertThat(aliceHasACredential()).isFalse();
        assertThat(aliceIsSignedIn()).isFalse();
    }

    @Test
    void accountEnabledWithoutHoldChangesNothing() {
        assertThat(effectsOf(new SecurityEvent.AccountEnabled(aliceId))).isEmpty();
        assertThat(aliceHasACredential()).isTrue();
        assertThat(aliceHistory()).isEmpty();
    }

    @Test
    void verificationIsAcknowledgedAndChangesNothing() {
        assertThat(effectsOf(new SecurityEvent.Verification(Optional.of("test-42")))).containsExactly(Effect.ACKNOWLEDGED);
        assertThat(aliceIsSignedIn()).isTrue();
        assertThat(aliceHasACredential()).isTrue();
    }

    @Test
    void anEventForAnUnknownPersonIsAcceptedAndRecordedOnly() {
        UserId stranger = new UserId("999999");
        String token = google.sign(new SecurityEvent.AccountDisabled(stranger, Optional.of("hijacking")));
        assertThat(handle.handle(token)).isInstanceOfSatisfying(Outcome.Accepted.class,
                accepted -> assertThat(accepted.handled().get(0).effects()).containsExactly(Effect.UNKNOWN_USER));
        assertThat(holds.find(stranger)).isEmpty();
        assertThat(history.latest(stranger, 10)).isEmpty();
        assertThat(aliceIsSignedIn()).isTrue();
        // Recorded: the same token again is a replay.
        assertThat(handle.handle(token)).isInstanceOf(Outcome.Replayed.class);
    }

    @Test
    void anUnrecognizedEventTypeIsAcceptedAndNotActedOn() {
        assertThat(effectsOf(new SecurityEvent.Unrecognized("https://schemas.openid.net/secevent/risc/event-type/identifier-changed")))
                .containsExactly(Effect.NOT_ACTED_ON);
        assertThat(aliceIsSignedIn()).isTrue();
    }

    @Test
    void aReplayedTokenIsAcceptedButActedOnOnce() {
        String token = google.sign(new SecurityEvent.SessionsRevoked(aliceId));
        assertThat(handle.handle(token)).isInstanceOf(Outcome.Accepted.class);
        session = world.session(aliceId);
        assertThat(handle.handle(token)).isInstanceOf(Outcome.Replayed.class);
        assertThat(aliceIsSignedIn()).isTrue();
        assertThat(aliceHistory()).hasSize(1);
    }

    @Test
    void aTokenTheVerifierRejectsChangesNothing() {
        Outcome outcome = handle.handle(google.spoiled(SecurityEventVerifier.Error.INVALID_AUDIENCE, "aud names another client"));
        assertThat(outcome).isEqualTo(new Outcome.Rejected(SecurityEventVerifier.Error.INVALID_AUDIENCE, "aud names another client"));
        assertThat(handle.handle("not a token at all")).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.error()).isEqualTo(SecurityEventVerifier.Error.INVALID_KEY));
        assertThat(aliceIsSignedIn()).isTrue();
    }

    @Test
    void aTokenTheVerifierCannotDecideNowIsDeferredAndNothingIsRecorded() {
        Outcome outcome = handle.handle(google.undecidable("the issuer's key set is out of reach", Duration.ofSeconds(30)));
        assertThat(outcome).isEqualTo(new Outcome.Deferred("the issuer's key set is out of reach", Duration.ofSeconds(30)));
        assertThat(outcome.<String>fold(accepted -> "accepted", replayed -> "replayed", rejected -> "rejected", deferred -> "deferred"))
                .isEqualTo("deferred");
        assertThat(aliceIsSignedIn()).isTrue();
        assertThat(aliceHistory()).isEmpty();
    }

    @Test
    void aTokenOlderThanTheReplayWindowIsRefused() {
        SecurityEventId id = new SecurityEventId("old-one");
        String token = google.sign(id, world.clock.instant().minus(SeenSecurityEvents.RETENTION).minus(Duration.ofMinutes(1)),
                new SecurityEvent.TokensRevoked(aliceId));
        assertThat(handle.handle(token)).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.description()).contains("too old"));
        assertThat(aliceHasACredential()).isTrue();
    }

    @Test
    void aTokenWhoseHandlingFailedIsActedOnWhenDeliveredAgain() {
        CredentialRepository failingOnce = new CredentialRepository() {
            private boolean failed;

            @Override
            public void save(StoredCredential credential) {
                world.credentials.save(credential);
            }

            @Override
            public Optional<StoredCredential> findByUserId(UserId userId) {
                return world.credentials.findByUserId(userId);
            }

            @Override
            public List<StoredCredential> findByRefreshTokenPrefix(RefreshTokenPrefix prefix) {
                return world.credentials.findByRefreshTokenPrefix(prefix);
            }


            @Override

            public List<StoredCredential> findByRefreshTokenHash(RefreshTokenHash hash) {

                return world.credentials.findByRefreshTokenHash(hash);

            }


            @Override

            public List<StoredCredential> findByEmail(EmailAddress email) {

                return world.credentials.findByEmail(email);

            }

            @Override
            public boolean delete(UserId userId) {
                if (!failed) {
                    failed = true;
                    throw new StorageException("the database is down");
                }
                return world.credentials.delete(userId);
            }
        };
        HandleSecurityEvent flaky = handleWith(failingOnce);
        String token = google.sign(new SecurityEvent.TokensRevoked(aliceId));
        assertThatThrownBy(() -> flaky.handle(token)).isInstanceOf(StorageException.class);
        assertThat(flaky.handle(token)).isInstanceOf(Outcome.Accepted.class);
        assertThat(aliceHasACredential()).isFalse();
    }
}
