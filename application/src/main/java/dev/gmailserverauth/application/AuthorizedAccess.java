package dev.gmailserverauth.application;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.event.ReauthorizationReason;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Gives a valid access token for a user, even while they are away.
 *
 * <p>A stored token is reused until {@link #EXPIRY_MARGIN} before it expires; then it is refreshed.
 * Concurrent callers for one user share a single refresh in this process (single flight), and the
 * {@link RefreshLock} keeps other instances from refreshing the same user at the same time: whoever
 * gets the lock second re-reads the store and finds the new token.
 *
 * <p>How a grant ends: a refresh answered with {@code invalid_grant} deletes the stored credential and
 * sends the person back through consent ({@code CREDENTIALS_REVOKED}). A grant whose refresh token has an
 * announced end (time-limited access, a client in "Testing") is never refreshed after it: the credential
 * is deleted and the reason says the time-limited access ended. {@code invalid_rapt} (a Workspace policy
 * wants a new sign-in) keeps the credential: passing Google's sign-in again is enough. Each ending is
 * written to the person's history.
 *
 * <p>A person of whom no consent is stored may still be reachable through Workspace domain-wide delegation
 * ({@link DelegatedGrants}): then that grant is given, so the sync and the person's own web session read an
 * enrolled mailbox the same way.
 */
public final class AuthorizedAccess {
    /** Refresh this long before expiry, so a token never dies in flight. */
    public static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(15);

    private final CredentialRepository credentials;
    private final AuthorizationProvider provider;
    private final RefreshLock refreshLock;
    private final AccountHistory history;
    private final EventRecorder events;
    private final RenewalNotice renewalNotice;
    private final Clock clock;
    private final DelegatedGrants delegated;
    private final ConcurrentMap<UserId, CompletableFuture<Resolution>> inFlight = new ConcurrentHashMap<>();

    public AuthorizedAccess(CredentialRepository credentials, AuthorizationProvider provider, RefreshLock refreshLock, AccountHistory history,
            EventRecorder events, RenewalNotice renewalNotice, Clock clock) {
        this(credentials, provider, refreshLock, history, events, renewalNotice, clock, DelegatedGrants.NONE);
    }

    /** @param delegated asked for a person of whom no consent is stored (an enrolled mailbox of the Workspace domain) */
    public AuthorizedAccess(CredentialRepository credentials, AuthorizationProvider provider, RefreshLock refreshLock, AccountHistory history,
            EventRecorder events, RenewalNotice renewalNotice, Clock clock, DelegatedGrants delegated) {
        this.delegated = Objects.requireNonNull(delegated);
        this.credentials = Objects.requireNonNull(credentials);
        this.provider = Objects.requireNonNull(provider);
        this.refreshLock = Objects.requireNonNull(refreshLock);
        this.history = Objects.requireNonNull(history);
        this.events = Objects.requireNonNull(events);
        this.renewalNotice = Objects.requireNonNull(renewalNotice);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The person's grant for this request, with a token that stays valid for at least the margin
     * (refreshed if needed): read and decrypted once, then shared by the request's use cases.
     */
    public AccessOutcome open(UserId user) {
        Optional<StoredCredential> stored = credentials.findByUserId(user);
        if (stored.isEmpty()) {
            return delegated.open(user).orElseGet(() -> new AccessOutcome.Denied(consent(Optional.empty(), ConsentReason.NOT_AUTHORIZED)));
        }
        // After the announced end even a live-looking access token is gone (Google ends every token of the grant).
        Optional<AccessToken> usable = stored.filter(c -> !c.refreshTokenExpiredAt(clock.instant())).flatMap(c -> usableToken(c, Optional.empty()));
        Resolution resolution = usable.<Resolution>map(token -> new Resolution.Usable(stored.get(), token))
                .orElseGet(() -> refreshOnce(user, Optional.empty()));
        return resolution.fold(ready -> new AccessOutcome.Granted(grant(ready)), refused -> new AccessOutcome.Denied(refused.consent()));
    }

    /**
     * How the person's grant gets a new token when the provider refused {@code rejected} (401) although it had
     * not expired: refresh once. If another caller already replaced that token, its replacement is given
     * without a second refresh.
     */
    TokenRenewal renewalFor(UserId user) {
        return rejected -> refreshOnce(user, Optional.of(rejected))
                .fold(ready -> new Renewal.Renewed(ready.token()), refused -> new Renewal.Denied(refused.consent()));
    }

    private Resolution refreshOnce(UserId user, Optional<AccessToken> rejected) {
        return SingleFlight.run(inFlight, user, refreshLock, LOCK_TIMEOUT, () -> refreshUnderLock(user, rejected));
    }

    private Resolution refreshUnderLock(UserId user, Optional<AccessToken> rejected) {
        Optional<StoredCredential> stored = credentials.findByUserId(user);
        if (stored.isEmpty()) return refused(Optional.empty(), ConsentReason.NOT_AUTHORIZED);
        StoredCredential credential = stored.get();
        // Never a refresh after the refresh token's announced end: it can only fail.
        if (credential.refreshTokenExpiredAt(clock.instant())) return timeLimitedAccessEnded(credential);
        Optional<AccessToken> alreadyFresh = usableToken(credential, rejected);
        if (alreadyFresh.isPresent()) return new Resolution.Usable(credential, alreadyFresh.get());

        return provider.refresh(credential.refreshToken()).fold(
                refreshed -> {
                    StoredCredential updated = credential.refreshedWith(refreshed.grant(), clock.instant());
                    credentials.save(updated);
                    return new Resolution.Usable(updated, refreshed.grant().accessToken().token());
                },
                revoked -> revoked(credential, revoked.reason()),
                reauthentication -> reauthenticationRequired(credential, reauthentication.reason()));
    }

    private Resolution revoked(StoredCredential credential, String googleSays) {
        // The end may have come while the request was on its way.
        if (credential.refreshTokenExpiredAt(clock.instant())) return timeLimitedAccessEnded(credential);
        events.change(() -> credentials.delete(credential.userId()), reauthorization(credential, ReauthorizationReason.REVOKED, googleSays));
        history.append(credential.userId(), HistoryEntry.of(clock.instant(), HistoryEntry.Kind.REFRESH_FAILED, googleSays));
        return refused(Optional.of(credential.email()), ConsentReason.CREDENTIALS_REVOKED);
    }

    private Resolution timeLimitedAccessEnded(StoredCredential credential) {
        String end = "access granted until " + credential.refreshTokenExpiresAt().orElseThrow().truncatedTo(ChronoUnit.SECONDS);
        // Google's words for it: the refresh token's refresh_token_expires_in ran out.
        events.change(() -> credentials.delete(credential.userId()), reauthorization(credential, ReauthorizationReason.TIME_LIMITED_END,
                "refresh_token_expires_in ended: " + end));
        history.append(credential.userId(), HistoryEntry.of(clock.instant(), HistoryEntry.Kind.TIME_LIMITED_ACCESS_ENDED, end));
        return refused(Optional.of(credential.email()), ConsentReason.TIME_LIMITED_ACCESS_ENDED);
    }

    /** The grant stays: once the person has signed in again, the same refresh token works. */
    private Resolution reauthenticationRequired(StoredCredential credential, String reason) {
        // Every request until then hears the same answer: the history says it once.
        boolean alreadySaid = history.latest(credential.userId(), 1).stream()
                .anyMatch(entry -> entry.kind() == HistoryEntry.Kind.REAUTHENTICATION_REQUIRED);
        if (!alreadySaid) {
            events.change(() -> history.append(credential.userId(), HistoryEntry.of(clock.instant(),
                    HistoryEntry.Kind.REAUTHENTICATION_REQUIRED, reason)), reauthorization(credential, ReauthorizationReason.REAUTHENTICATION, reason));
        }
        return refused(Optional.of(credential.email()), ConsentReason.REAUTHENTICATION_REQUIRED);
    }

    /** The stored access token, if it is not the one just rejected and lives past the margin. */
    private Optional<AccessToken> usableToken(StoredCredential credential, Optional<AccessToken> rejected) {
        return credential.accessToken()
                .filter(token -> token.isUsableAt(clock.instant(), EXPIRY_MARGIN))
                .map(ExpiringAccessToken::token)
                .filter(token -> rejected.map(r -> !r.equals(token)).orElse(true));
    }

    private MailboxGrant grant(Resolution.Usable ready) {
        StoredCredential credential = ready.credential();
        Optional<AccessEnd> end = renewalNotice.accessEnd(credential, clock.instant());
        end.filter(AccessEnd::renewalOffered).ifPresent(ending -> accessEnding(credential, ending));
        return new MailboxGrant(credential.userId(), credential.email(), end, ready.token(), renewalFor(credential.userId()), clock);
    }

    /**
     * {@code account.access_ending}: told once per grant (per announced end), the first time the grant is used inside
     * the notice period, by a request or by the background work that uses it.
     */
    private void accessEnding(StoredCredential credential, AccessEnd end) {
        events.once(new NewEvent(credential.userId(), credential.email(), clock.instant(), new EventPayload.AccessEnding(end.at())),
                "account.access_ending:" + credential.userId().value() + ":" + end.at().toEpochMilli());
    }

    private NewEvent reauthorization(StoredCredential credential, ReauthorizationReason reason, String googleSays) {
        return new NewEvent(credential.userId(), credential.email(), clock.instant(), new EventPayload.ReauthorizationRequired(reason, googleSays));
    }

    private static Resolution refused(Optional<EmailAddress> hint, ConsentReason reason) {
        return new Resolution.Refused(consent(hint, reason));
    }

    private static ConsentRequired consent(Optional<EmailAddress> hint, ConsentReason reason) {
        return new ConsentRequired(reason, hint);
    }

    /** What reading or refreshing the credential came to: the credential as stored with a usable token, or consent. */
    private sealed interface Resolution {
        <R> R fold(Function<Usable, R> usable, Function<Refused, R> refused);

        record Usable(StoredCredential credential, AccessToken token) implements Resolution {
            @Override
            public <R> R fold(Function<Usable, R> usable, Function<Refused, R> refused) {
                return usable.apply(this);
            }
        }

        record Refused(ConsentRequired consent) implements Resolution {
            @Override
            public <R> R fold(Function<Usable, R> usable, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }
}
