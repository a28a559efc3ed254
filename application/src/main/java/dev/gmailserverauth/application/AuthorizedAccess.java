package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.time.Clock;
import java.time.Duration;
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
 * gets the lock second re-reads the store and finds the new token. A refresh answered with
 * {@code invalid_grant} deletes the stored credential and sends the user back through consent.
 */
public final class AuthorizedAccess {
    /** Refresh this long before expiry, so a token never dies in flight. */
    public static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(15);

    private final CredentialRepository credentials;
    private final AuthorizationProvider provider;
    private final RefreshLock refreshLock;
    private final Clock clock;
    private final ConcurrentMap<UserId, CompletableFuture<AccessOutcome>> inFlight = new ConcurrentHashMap<>();

    public AuthorizedAccess(CredentialRepository credentials, AuthorizationProvider provider, RefreshLock refreshLock, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials);
        this.provider = Objects.requireNonNull(provider);
        this.refreshLock = Objects.requireNonNull(refreshLock);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The person's grant for this request, with a token that stays valid for at least the margin
     * (refreshed if needed): read and decrypted once, then shared by the request's use cases.
     */
    public AccessOutcome open(UserId user) {
        Optional<StoredCredential> stored = credentials.findByUserId(user);
        if (stored.isEmpty()) return denied(Optional.empty(), ConsentReason.NOT_AUTHORIZED);
        Optional<AccessToken> usable = usableToken(stored.get(), Optional.empty());
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
        Optional<AccessToken> alreadyFresh = usableToken(credential, rejected);
        if (alreadyFresh.isPresent()) return granted(credential, alreadyFresh.get());

        Refresh refresh = provider.refresh(credential.refreshToken());
        if (refresh instanceof Refresh.Refreshed refreshed) {
            StoredCredential updated = credential.refreshedWith(refreshed.grant(), clock.instant());
            credentials.save(updated);
            return granted(updated, refreshed.grant().accessToken().token());
        }
        credentials.delete(user);
        return denied(Optional.of(credential.email()), ConsentReason.CREDENTIALS_REVOKED);
    }

    /** The stored access token, if it is not the one just rejected and lives past the margin. */
    private Optional<AccessToken> usableToken(StoredCredential credential, Optional<AccessToken> rejected) {
        return credential.accessToken()
                .filter(token -> token.isUsableAt(clock.instant(), EXPIRY_MARGIN))
                .map(ExpiringAccessToken::token)
                .filter(token -> rejected.map(r -> !r.equals(token)).orElse(true));
    }

    private AccessOutcome granted(StoredCredential credential, AccessToken token) {
        return new AccessOutcome.Granted(new MailboxGrant(credential.userId(), credential.email(), token, this));
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
