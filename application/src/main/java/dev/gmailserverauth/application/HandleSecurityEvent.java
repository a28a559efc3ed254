package dev.gmailserverauth.application;

import dev.gmailserverauth.application.sync.EndSync;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.SecurityEvent.AccountCredentialChangeRequired;
import dev.gmailserverauth.domain.model.SecurityEvent.AccountDisabled;
import dev.gmailserverauth.domain.model.SecurityEvent.AccountEnabled;
import dev.gmailserverauth.domain.model.SecurityEvent.AccountPurged;
import dev.gmailserverauth.domain.model.SecurityEvent.SessionsRevoked;
import dev.gmailserverauth.domain.model.SecurityEvent.TokenRevoked;
import dev.gmailserverauth.domain.model.SecurityEvent.TokensRevoked;
import dev.gmailserverauth.domain.model.SecurityEvent.Verification;
import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.model.SecurityEventToken;
import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.SignInHolds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Google pushes a security event token (Cross-Account Protection): verify it, act on it once, and act
 * per event as Google advises.
 *
 * <table>
 *   <caption>What each event does</caption>
 *   <tr><th>event</th><th>effect</th></tr>
 *   <tr><td>{@code tokens-revoked}; {@code token-revoked} naming the stored refresh token</td>
 *       <td>the credential is deleted, the mailbox's sync stops (its synced mail deleted), the person's sessions end</td></tr>
 *   <tr><td>{@code sessions-revoked}, {@code account-credential-change-required}</td><td>the person's sessions end</td></tr>
 *   <tr><td>{@code account-disabled}, {@code account-purged}</td><td>both; with reason {@code hijacking}, sign-in is
 *       also refused until {@code account-enabled}</td></tr>
 *   <tr><td>{@code account-enabled}</td><td>the sign-in hold is lifted</td></tr>
 *   <tr><td>{@code verification}</td><td>acknowledged</td></tr>
 *   <tr><td>an unknown person, an unknown event type</td><td>accepted and recorded, nothing else</td></tr>
 * </table>
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
    private final SignInHolds holds;
    private final AccountHistory history;
    private final SummaryCache cache;
    private final EndSync endSync;
    private final Clock clock;

    public HandleSecurityEvent(SecurityEventVerifier verifier, SeenSecurityEvents seen, CredentialRepository credentials,
            SessionRepository sessions, SignInHolds holds, AccountHistory history, SummaryCache cache, EndSync endSync, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier);
        this.seen = Objects.requireNonNull(seen);
        this.credentials = Objects.requireNonNull(credentials);
        this.sessions = Objects.requireNonNull(sessions);
        this.holds = Objects.requireNonNull(holds);
        this.history = Objects.requireNonNull(history);
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
        /** Verified, seen for the first time, acted on. */
        record Accepted(SecurityEventId id, List<Handled> handled) implements Outcome {
            public Accepted {
                Objects.requireNonNull(id, "id");
                handled = List.copyOf(handled);
            }
        }

        /** Verified, but this {@code jti} was acted on before: accepted and ignored. */
        record Replayed(SecurityEventId id) implements Outcome {
            public Replayed {
                Objects.requireNonNull(id, "id");
            }
        }

        /** Not accepted; the error is the RFC 8935 code to answer with. */
        record Rejected(SecurityEventVerifier.Error error, String description) implements Outcome {
            public Rejected {
                Objects.requireNonNull(error, "error");
                Objects.requireNonNull(description, "description");
            }
        }
    }

    public Outcome handle(String token) {
        SecurityEventVerifier.Verification verification = verifier.verify(token);
        if (verification instanceof SecurityEventVerifier.Verification.Rejected rejected) {
            return new Outcome.Rejected(rejected.error(), rejected.description());
        }
        SecurityEventToken verified = ((SecurityEventVerifier.Verification.Verified) verification).token();
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
        if (event instanceof TokensRevoked revoked) return ifKnown(revoked.subject(), () -> revokeGrant(revoked.subject(), signal(event), now));
        if (event instanceof TokenRevoked revoked) return revokeToken(revoked, now);
        if (event instanceof SessionsRevoked revoked) return ifKnown(revoked.subject(), () -> endSessions(revoked.subject(), signal(event), now));
        if (event instanceof AccountCredentialChangeRequired change) {
            return ifKnown(change.subject(), () -> endSessions(change.subject(), signal(event), now));
        }
        if (event instanceof AccountDisabled disabled) return ifKnown(disabled.subject(), () -> disable(disabled, now));
        if (event instanceof AccountPurged purged) return ifKnown(purged.subject(), () -> revokeGrant(purged.subject(), signal(event), now));
        if (event instanceof AccountEnabled enabled) return ifKnown(enabled.subject(), () -> enable(enabled.subject(), now));
        if (event instanceof Verification) return List.of(Effect.ACKNOWLEDGED);
        return List.of(Effect.NOT_ACTED_ON);
    }

    private List<Effect> ifKnown(UserId user, Supplier<List<Effect>> action) {
        boolean known = credentials.findByUserId(user).isPresent() || holds.find(user).isPresent();
        return known ? action.get() : List.of(Effect.UNKNOWN_USER);
    }

    private List<Effect> revokeToken(TokenRevoked event, Instant now) {
        List<StoredCredential> named = credentials.findByRefreshTokenPrefix(event.token());
        if (named.isEmpty()) return List.of(Effect.UNKNOWN_USER);
        named.forEach(credential -> revokeGrant(credential.userId(), signal(event), now));
        return List.of(Effect.GRANT_REVOKED);
    }

    private List<Effect> disable(AccountDisabled event, Instant now) {
        String signal = signal(event) + event.reason().map(reason -> " (" + reason + ")").orElse("");
        List<Effect> effects = new ArrayList<>(revokeGrant(event.subject(), signal, now));
        if (event.isHijacking()) {
            holds.hold(new SignInHold(event.subject(), signal, now));
            history.append(event.subject(), HistoryEntry.of(now, HistoryEntry.Kind.SIGN_IN_SUSPENDED, signal));
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
        credentials.delete(user);
        cache.forget(user);
        endSync.stop(user);
        sessions.deleteAllOf(user);
        history.append(user, HistoryEntry.of(now, HistoryEntry.Kind.REVOKED_BY_GOOGLE, signal));
        return List.of(Effect.GRANT_REVOKED);
    }

    private List<Effect> endSessions(UserId user, String signal, Instant now) {
        sessions.deleteAllOf(user);
        history.append(user, HistoryEntry.of(now, HistoryEntry.Kind.SESSIONS_ENDED_BY_GOOGLE, signal));
        return List.of(Effect.SESSIONS_ENDED);
    }

    /** The event type's last path segment, as the history names the signal: {@code tokens-revoked}. */
    private static String signal(SecurityEvent event) {
        return event.type().substring(event.type().lastIndexOf('/') + 1);
    }
}
