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
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
    private final ConcurrentMap<UserId, CompletableFuture<AccessOutcome>> inFlight = new ConcurrentHashMap<>();

    public AuthorizedAccess(CredentialRepository credentials, AuthorizationProvider provider, RefreshLock refreshLock, AccountHistory history,
            EventRecorder events, RenewalNotice renewalNotice, Clock clock) {
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
        if (stored.isEmpty()) return denied(Optional.empty(), ConsentReason.NOT_AUTHORIZED);
        // After the announced end even a live-looking access token is gone (Google ends every token of the grant).
        Optional<AccessToken> usable = stored.filter(c -> !c.refreshTokenExpiredAt(clock.instant())).flatMap(c -> usableToken(c, Optional.empty()));
        return usable.map(token -> granted(stored.get(), token)).orElseGet(() -> refreshOnce(user, Optional.empty()));
    }

    /**
     * The provider refused {@code rejected} (401) although it had not expired: refresh once. If another
     * caller already replaced that token, its replacement is returned without a second refresh.
     */
    AccessOutcome refreshAfterRejection(UserId user, AccessToken rejected) {
        return refreshOnce(user, Optional.of(rejected));
    }

    private AccessOutcome refreshOnce(UserId user, Optional<AccessToken> rejected) {
        CompletableFuture<AccessOutcome> mine = new CompletableFuture<>();
        CompletableFuture<AccessOutcome> running = inFlight.putIfAbsent(user, mine);
        if (running != null) return await(running);
        try {
            AccessOutcome outcome = refreshLock.callExclusively(user, LOCK_TIMEOUT, () -> refreshUnderLock(user, rejected));
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(user, mine);
        }
    }

    private AccessOutcome refreshUnderLock(UserId user, Optional<AccessToken> rejected) {
        Optional<StoredCredential> stored = credentials.findByUserId(user);
        if (stored.isEmpty()) return denied(Optional.empty(), ConsentReason.NOT_AUTHORIZED);
        StoredCredential credential = stored.get();
        // Never a refresh after the refresh token's announced end: it can only fail.
        if (credential.refreshTokenExpiredAt(clock.instant())) return timeLimitedAccessEnded(credential);
        Optional<AccessToken> alreadyFresh = usableToken(credential, rejected);
        if (alreadyFresh.isPresent()) return granted(credential, alreadyFresh.get());

        Refresh refresh = provider.refresh(credential.refreshToken());
        if (refresh instanceof Refresh.Refreshed refreshed) {
            StoredCredential updated = credential.refreshedWith(refreshed.grant(), clock.instant());
            credentials.save(updated);
            return granted(updated, refreshed.grant().accessToken().token());
        }
        if (refresh instanceof Refresh.ReauthenticationRequired reauth) return reauthenticationRequired(credential, reauth.reason());
        // The end may have come while the request was on its way.
        if (credential.refreshTokenExpiredAt(clock.instant())) return timeLimitedAccessEnded(credential);
        String googleSays = ((Refresh.Revoked) refresh).reason();
        events.change(() -> credentials.delete(user), reauthorization(credential, ReauthorizationReason.REVOKED, googleSays));
        history.append(user, HistoryEntry.of(clock.instant(), HistoryEntry.Kind.REFRESH_FAILED, googleSays));
        return denied(Optional.of(credential.email()), ConsentReason.CREDENTIALS_REVOKED);
    }

    private AccessOutcome timeLimitedAccessEnded(StoredCredential credential) {
        String end = "access granted until " + credential.refreshTokenExpiresAt().orElseThrow().truncatedTo(ChronoUnit.SECONDS);
        // Google's words for it: the refresh token's refresh_token_expires_in ran out.
        events.change(() -> credentials.delete(credential.userId()), reauthorization(credential, ReauthorizationReason.TIME_LIMITED_END,
                "refresh_token_expires_in ended: " + end));
        history.append(credential.userId(), HistoryEntry.of(clock.instant(), HistoryEntry.Kind.TIME_LIMITED_ACCESS_ENDED, end));
        return denied(Optional.of(credential.email()), ConsentReason.TIME_LIMITED_ACCESS_ENDED);
    }

    /** The grant stays: once the person has signed in again, the same refresh token works. */
    private AccessOutcome reauthenticationRequired(StoredCredential credential, String reason) {
        // Every request until then hears the same answer: the history says it once.
        boolean alreadySaid = history.latest(credential.userId(), 1).stream()
                .anyMatch(entry -> entry.kind() == HistoryEntry.Kind.REAUTHENTICATION_REQUIRED);
        if (!alreadySaid) {
            events.change(() -> history.append(credential.userId(), HistoryEntry.of(clock.instant(),
                    HistoryEntry.Kind.REAUTHENTICATION_REQUIRED, reason)), reauthorization(credential, ReauthorizationReason.REAUTHENTICATION, reason));
        }
        return denied(Optional.of(credential.email()), ConsentReason.REAUTHENTICATION_REQUIRED);
    }

    /** The stored access token, if it is not the one just rejected and lives past the margin. */
    private Optional<AccessToken> usableToken(StoredCredential credential, Optional<AccessToken> rejected) {
        return credential.accessToken()
                .filter(token -> token.isUsableAt(clock.instant(), EXPIRY_MARGIN))
                .map(ExpiringAccessToken::token)
                .filter(token -> rejected.map(r -> !r.equals(token)).orElse(true));
    }

    private AccessOutcome granted(StoredCredential credential, AccessToken token) {
        Optional<AccessEnd> end = renewalNotice.accessEnd(credential, clock.instant());
        end.filter(AccessEnd::renewalOffered).ifPresent(ending -> accessEnding(credential, ending));
        return new AccessOutcome.Granted(new MailboxGrant(credential.userId(), credential.email(), end, token, this, clock));
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

    private static AccessOutcome denied(Optional<EmailAddress> hint, ConsentReason reason) {
        return new AccessOutcome.Denied(new ConsentRequired(reason, hint));
    }

    private static AccessOutcome await(CompletableFuture<AccessOutcome> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
