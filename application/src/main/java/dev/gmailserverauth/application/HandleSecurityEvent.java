package dev.gmailserverauth.application;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.event.ReauthorizationReason;
import dev.gmailserverauth.domain.model.AccountSubject;
import dev.gmailserverauth.application.sync.EndSync;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.SecurityEvent.AccountDisabled;
import dev.gmailserverauth.domain.model.SecurityEvent.AccountEnabled;
import dev.gmailserverauth.domain.model.SecurityEvent.TokenRevoked;
import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.model.SecurityEventToken;
import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.SignInHolds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Google pushes a security event token (Cross-Account Protection): verify it, act on it once, and act
 * per event as Google advises.
 *
 * <table>
 *   <caption>What each event does</caption>
 *   <tr><th>event</th><th>effect</th></tr>
 *   <tr><td>{@code tokens-revoked}; {@code token-revoked} naming the stored refresh token</td>
 *       <td>the credential is deleted, the mailbox's sync stops (its synced mail deleted); the account stays linked and
 *       needs reconnecting; the person's sessions end if it was their only account</td></tr>
 *   <tr><td>{@code sessions-revoked}, {@code account-credential-change-required}</td><td>the person's sessions end, whichever
 *       of their accounts each signed in with</td></tr>
 *   <tr><td>{@code account-disabled}, {@code account-purged}</td><td>both; with reason {@code hijacking}, sign-in is
 *       also refused until {@code account-enabled}</td></tr>
 *   <tr><td>{@code account-enabled}</td><td>the sign-in hold is lifted</td></tr>
 *   <tr><td>{@code verification}</td><td>acknowledged</td></tr>
 *   <tr><td>an unknown person, an unknown event type</td><td>accepted and recorded, nothing else</td></tr>
 * </table>
 *
 * <p>The person is found by the subject's account id when it has one ({@code iss-sub}, {@code id_token_claims}
 * with {@code sub}), and by its email only when it has none; a {@code token-revoked} token by its prefix or by the
 * double SHA-512 of the whole token, whichever Google sent.
 *
 * <p>A token's {@code jti} is recorded before acting, atomically, so a replay (or two instances receiving
 * the same delivery) acts once. If acting fails, the record is taken back, so that Google's redelivery is
 * acted on. A token issued longer ago than {@link SeenSecurityEvents#RETENTION} is refused: its {@code jti}
 * may already have been forgotten.
 */
public final class HandleSecurityEvent {
    private final SecurityEventVerifier verifier;
    private final SeenSecurityEvents seen;
    private final CredentialRepository credentials;
    private final SessionRepository sessions;
    private final LinkedAccounts links;
    private final SignInHolds holds;
    private final AccountHistory history;
    private final EventRecorder events;
    private final SummaryCache cache;
    private final EndSync endSync;
    private final Clock clock;

    public HandleSecurityEvent(SecurityEventVerifier verifier, SeenSecurityEvents seen, CredentialRepository credentials,
            SessionRepository sessions, LinkedAccounts links, SignInHolds holds, AccountHistory history, EventRecorder events, SummaryCache cache,
            EndSync endSync, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier);
        this.seen = Objects.requireNonNull(seen);
        this.credentials = Objects.requireNonNull(credentials);
        this.sessions = Objects.requireNonNull(sessions);
        this.links = Objects.requireNonNull(links);
        this.holds = Objects.requireNonNull(holds);
        this.history = Objects.requireNonNull(history);
        this.events = Objects.requireNonNull(events);
        this.cache = Objects.requireNonNull(cache);
        this.endSync = Objects.requireNonNull(endSync);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What the application did about one event. */
    public enum Effect {
        /** The stored credential was deleted and the person's sessions ended. */
        GRANT_REVOKED,
        /** The person's sessions ended. */
        SESSIONS_ENDED,
        /** Sign-in with the account is refused until Google enables it again. */
        SIGN_IN_SUSPENDED,
        /** The sign-in hold was lifted. */
        SIGN_IN_RESUMED,
        /** A verification event, acknowledged. */
        ACKNOWLEDGED,
        /** Nothing is stored for the person (or the token) the event names. */
        UNKNOWN_USER,
        /** An event type this application does not act on. */
        NOT_ACTED_ON
    }

    public record Handled(SecurityEvent event, List<Effect> effects) {
        public Handled {
            Objects.requireNonNull(event, "event");
            effects = List.copyOf(effects);
        }
    }

    public sealed interface Outcome {
        /** Takes the outcome apart, one function per case. */
        <R> R fold(Function<Accepted, R> accepted, Function<Replayed, R> replayed, Function<Rejected, R> rejected,
                   Function<Deferred, R> deferred);

        /** Verified, seen for the first time, acted on. */
        record Accepted(SecurityEventId id, List<Handled> handled) implements Outcome {
            public Accepted {
                Objects.requireNonNull(id, "id");
                handled = List.copyOf(handled);
            }

            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Replayed, R> replayed, Function<Rejected, R> rejected,
                              Function<Deferred, R> deferred) {
                return accepted.apply(this);
            }
        }

        /** Verified, but this {@code jti} was acted on before: accepted and ignored. */
        record Replayed(SecurityEventId id) implements Outcome {
            public Replayed {
                Objects.requireNonNull(id, "id");
            }

            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Replayed, R> replayed, Function<Rejected, R> rejected,
                              Function<Deferred, R> deferred) {
                return replayed.apply(this);
            }
        }

        /** Not accepted, for good; the error is the RFC 8935 code to answer with. */
        record Rejected(SecurityEventVerifier.Error error, String description) implements Outcome {
            public Rejected {
                Objects.requireNonNull(error, "error");
                Objects.requireNonNull(description, "description");
            }

            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Replayed, R> replayed, Function<Rejected, R> rejected,
                              Function<Deferred, R> deferred) {
                return rejected.apply(this);
            }
        }

        /** Neither accepted nor refused: not decidable now, nothing recorded; deliver it again after {@code retryAfter}. */
        record Deferred(String description, Duration retryAfter) implements Outcome {
            public Deferred {
                Objects.requireNonNull(description, "description");
                Objects.requireNonNull(retryAfter, "retryAfter");
            }

            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Replayed, R> replayed, Function<Rejected, R> rejected,
                              Function<Deferred, R> deferred) {
                return deferred.apply(this);
            }
        }
    }

    /**
     * Verifies and acts. A failure of a store is not an outcome: it is thrown, nothing stays recorded, and the
     * caller answers so that the token is delivered again.
     */
    public Outcome handle(String token) {
        return verifier.verify(token).fold(
                verified -> act(verified.token()),
                rejected -> new Outcome.Rejected(rejected.error(), rejected.description()),
                unavailable -> new Outcome.Deferred(unavailable.description(), unavailable.retryAfter()));
    }

    private Outcome act(SecurityEventToken verified) {
        Instant now = clock.instant();
        if (verified.issuedAt().isBefore(now.minus(SeenSecurityEvents.RETENTION))) {
            return new Outcome.Rejected(SecurityEventVerifier.Error.INVALID_REQUEST,
                    "issued more than " + SeenSecurityEvents.RETENTION.toDays() + " days ago: too old to act on");
        }
        if (!seen.firstSighting(verified.id(), now)) return new Outcome.Replayed(verified.id());
        try {
            List<Handled> handled = new ArrayList<>();
            for (SecurityEvent event : verified.events()) handled.add(new Handled(event, act(event, now)));
            return new Outcome.Accepted(verified.id(), handled);
        } catch (RuntimeException e) {
            seen.forget(verified.id());
            throw e;
        }
    }

    private List<Effect> act(SecurityEvent event, Instant now) {
        return event.fold(
                tokensRevoked -> forPeople(tokensRevoked.subject(), user -> revokeGrant(user, signal(event), now)),
                tokenRevoked -> revokeToken(tokenRevoked, now),
                sessionsRevoked -> forPeople(sessionsRevoked.subject(), user -> endSessions(user, signal(event), now)),
                accountDisabled -> forPeople(accountDisabled.subject(), user -> disable(user, accountDisabled, now)),
                accountEnabled -> forPeople(accountEnabled.subject(), user -> enable(user, now)),
                accountPurged -> forPeople(accountPurged.subject(), user -> revokeGrant(user, signal(event), now, true)),
                change -> forPeople(change.subject(), user -> endSessions(user, signal(event), now)),
                verification -> List.of(Effect.ACKNOWLEDGED),
                unrecognized -> List.of(Effect.NOT_ACTED_ON));
    }

    private List<Effect> forPeople(AccountSubject subject, Function<UserId, List<Effect>> action) {
        List<UserId> people = people(subject);
        if (people.isEmpty()) return List.of(Effect.UNKNOWN_USER);
        return people.stream().flatMap(user -> action.apply(user).stream()).distinct().toList();
    }

    /**
     * The people we know that the subject names. With an account id ({@code iss-sub}, or {@code id_token_claims} with
     * {@code sub}) the id decides: a person with a credential or a sign-in hold. Only a subject without an id is
     * matched by its email, against the stored credentials: an email beside an id we do not know may belong to
     * another Google account that once had that address.
     */
    private List<UserId> people(AccountSubject subject) {
        if (subject.id().isPresent()) {
            UserId id = subject.id().get();
            boolean known = credentials.findByUserId(id).isPresent() || holds.find(id).isPresent();
            return known ? List.of(id) : List.of();
        }
        return subject.email().map(email -> credentials.findByEmail(email).stream().map(StoredCredential::userId).distinct().toList())
                .orElse(List.of());
    }

    private List<Effect> revokeToken(TokenRevoked event, Instant now) {
        List<StoredCredential> named = event.token().fold(credentials::findByRefreshTokenPrefix, credentials::findByRefreshTokenHash);
        if (named.isEmpty()) return List.of(Effect.UNKNOWN_USER);
        named.forEach(credential -> revokeGrant(credential.userId(), signal(event), now));
        return List.of(Effect.GRANT_REVOKED);
    }

    private List<Effect> disable(UserId user, AccountDisabled event, Instant now) {
        String signal = signal(event) + event.reason().map(reason -> " (" + reason + ")").orElse("");
        List<Effect> effects = new ArrayList<>(revokeGrant(user, signal, now, true));
        if (event.isHijacking()) {
            holds.hold(new SignInHold(user, signal, now));
            history.append(user, HistoryEntry.of(now, HistoryEntry.Kind.SIGN_IN_SUSPENDED, signal));
            effects.add(Effect.SIGN_IN_SUSPENDED);
        }
        return effects;
    }

    private List<Effect> enable(UserId user, Instant now) {
        if (!holds.release(user)) return List.of();
        history.append(user, HistoryEntry.of(now, HistoryEntry.Kind.SIGN_IN_RESUMED, signal(new AccountEnabled(user))));
        return List.of(Effect.SIGN_IN_RESUMED);
    }

    private List<Effect> revokeGrant(UserId user, String signal, Instant now) {
        return revokeGrant(user, signal, now, false);
    }

    /**
     * Deletes the account's credential and stops its sync; its link stays, so the account shows as needing
     * reconnecting. The person's sessions end when the account is disabled or purged, or when it was their only
     * account; a revoked grant of one account among several leaves the person signed in with the others.
     */
    private List<Effect> revokeGrant(UserId user, String signal, Instant now, boolean accountCompromised) {
        // account.reauthorization_required commits with the deletion, naming Google's signal.
        credentials.findByUserId(user).ifPresentOrElse(credential -> events.change(() -> credentials.delete(user),
                        new NewEvent(user, credential.email(), now,
                                new EventPayload.ReauthorizationRequired(ReauthorizationReason.SECURITY_EVENT, signal))),
                () -> credentials.delete(user));
        cache.forget(user);
        endSync.stop(user);
        links.find(user)
                .filter(link -> accountCompromised || links.accountsOf(link.person()).size() == 1)
                .ifPresent(link -> sessions.deleteAllOf(link.person()));
        history.append(user, HistoryEntry.of(now, HistoryEntry.Kind.REVOKED_BY_GOOGLE, signal));
        return List.of(Effect.GRANT_REVOKED);
    }

    /**
     * Ends every session of the person the account belongs to, whichever of their accounts they signed in with:
     * an event about one account casts doubt on the browser, and the browser holds all of them (the safe side).
     */
    private void endSessionsOfPerson(UserId user) {
        links.find(user).ifPresent(link -> sessions.deleteAllOf(link.person()));
    }

    private List<Effect> endSessions(UserId user, String signal, Instant now) {
        endSessionsOfPerson(user);
        history.append(user, HistoryEntry.of(now, HistoryEntry.Kind.SESSIONS_ENDED_BY_GOOGLE, signal));
        return List.of(Effect.SESSIONS_ENDED);
    }

    /** The event type's last path segment, as the history names the signal: {@code tokens-revoked}. */
    private static String signal(SecurityEvent event) {
        return event.type().substring(event.type().lastIndexOf('/') + 1);
    }
}
