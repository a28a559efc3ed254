package dev.gmailserverauth.application;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Authorized;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.LinkRefused;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Rejected;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.SignInRefused;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.WorkspaceRefused;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.Issuer;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Identification;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.SignInHolds;
import dev.gmailserverauth.domain.port.SyncJobs;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser comes back from consent (the {@code get_credentials} step of Google's "Implementing
 * server-side authorization" guide): check the state, trade the
 * code, learn who the user is, and store a credential that can read Gmail while they are away.
 *
 * <p>The state is consumed before anything else, so a missing, unknown, expired or replayed state is
 * rejected without any code exchange; so is a callback from a browser other than the one that began the
 * sign-in (login CSRF: an attacker's own code, planted in a victim's browser, must not sign the victim in),
 * and a response whose {@code iss} names another authorization server than the configured one (RFC 9207:
 * checked when present, as Google sends it). Every error code of the redirect has its own reason
 * ({@link ConsentReason#ofRedirectError}). An account Google reported hijacked is refused until Google
 * enables it again; the person's history records each connection, and the mailbox's sync is scheduled.
 */
public final class CompleteAuthorization {
    private final AuthorizationProvider provider;
    private final PendingAuthorizationStore pending;
    private final CredentialRepository credentials;
    private final LinkedAccounts links;
    private final SignInHolds holds;
    private final AccountHistory history;
    private final EventRecorder events;
    private final Issuer issuer;
    private final SyncJobs syncJobs;
    private final Optional<EnrolledMailboxes> enrolled;
    private final Clock clock;

    public CompleteAuthorization(AuthorizationProvider provider, PendingAuthorizationStore pending, CredentialRepository credentials,
            LinkedAccounts links, SignInHolds holds, AccountHistory history, EventRecorder events, Issuer issuer, SyncJobs syncJobs, Clock clock) {
        this(provider, pending, credentials, links, holds, history, events, issuer, syncJobs, Optional.empty(), clock);
    }

    /** With {@code enrolled}, the mailboxes whose people may sign in with their Workspace account (Google sign-in only). */
    public CompleteAuthorization(AuthorizationProvider provider, PendingAuthorizationStore pending, CredentialRepository credentials,
            LinkedAccounts links, SignInHolds holds, AccountHistory history, EventRecorder events, Issuer issuer, SyncJobs syncJobs,
            Optional<EnrolledMailboxes> enrolled, Clock clock) {
        this.provider = Objects.requireNonNull(provider);
        this.pending = Objects.requireNonNull(pending);
        this.credentials = Objects.requireNonNull(credentials);
        this.links = Objects.requireNonNull(links);
        this.holds = Objects.requireNonNull(holds);
        this.history = Objects.requireNonNull(history);
        this.events = Objects.requireNonNull(events);
        this.issuer = Objects.requireNonNull(issuer);
        this.syncJobs = Objects.requireNonNull(syncJobs);
        this.enrolled = Objects.requireNonNull(enrolled);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The query parameters of the redirect back, as received ({@code iss} is RFC 9207's), the sign-in
     * nonce the browser presented, and the person signed in on that browser, if any.
     */
    public record Callback(Optional<String> state, Optional<String> code, Optional<String> error, Optional<BrowserNonce> browser,
                           Optional<String> iss, Optional<PersonId> signedIn) {
        public Callback {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(browser, "browser");
            Objects.requireNonNull(iss, "iss");
            Objects.requireNonNull(signedIn, "signedIn");
        }

        /** A redirect back to a browser where nobody is signed in. */
        public Callback(Optional<String> state, Optional<String> code, Optional<String> error, Optional<BrowserNonce> browser,
                Optional<String> iss) {
            this(state, code, error, browser, iss, Optional.empty());
        }

        /** A redirect back without {@code iss}. */
        public Callback(Optional<String> state, Optional<String> code, Optional<String> error, Optional<BrowserNonce> browser) {
            this(state, code, error, browser, Optional.empty());
        }
    }

    public AuthorizationOutcome complete(Callback callback) {
        Optional<AuthorizationState> state = parseState(callback.state());
        if (state.isEmpty()) return new Rejected("the sign-in response carries no valid state");
        Optional<PendingAuthorization> taken = pending.take(state.get());
        if (taken.isEmpty()) return new Rejected("this sign-in was not started here, or was already completed");
        PendingAuthorization authorization = taken.get();
        if (authorization.isExpiredAt(clock.instant())) return new Rejected("this sign-in took too long and expired; please start again");
        if (!authorization.browser().isMadeFrom(callback.browser())) {
            return new Rejected("this sign-in was started in another browser; start signing in here instead");
        }
        if (authorization.linkTo().isPresent() && !authorization.linkTo().equals(callback.signedIn())) {
            return new Rejected("this account was being added for someone who is no longer signed in on this browser;"
                    + " sign in and add it again");
        }
        if (callback.iss().filter(iss -> !issuer.matches(iss)).isPresent()) {
            return new Rejected("the sign-in response names another authorization server (iss) than the one this sign-in went to;"
                    + " it was not used");
        }

        if (callback.error().isPresent()) return retry(authorization.loginHint(), ConsentReason.ofRedirectError(callback.error().get()));
        Optional<AuthorizationCode> code = callback.code().filter(c -> !c.isBlank() && c.length() <= 2048).map(AuthorizationCode::new);
        if (code.isEmpty()) return new Rejected("the sign-in response carries no code");

        return provider.exchange(code.get(), authorization.verifier(), authorization.redirectUri()).fold(
                exchanged -> identify(authorization, exchanged.grant()),
                rejected -> retry(authorization.loginHint(), ConsentReason.CODE_EXCHANGE_FAILED));
    }

    /** Who the grant belongs to: without a user id there is nobody to store it for. */
    private AuthorizationOutcome identify(PendingAuthorization authorization, TokenGrant grant) {
        return provider.identify(grant.accessToken().token()).fold(
                identified -> authorization.workspace().map(domain -> signInWorkspace(domain, identified))
                        .orElseGet(() -> store(authorization, identified.identity(), grant)),
                anonymous -> retry(authorization.loginHint(), ConsentReason.NO_USER_ID),
                unauthorized -> retry(authorization.loginHint(), ConsentReason.NO_USER_ID));
    }

    private AuthorizationOutcome store(PendingAuthorization authorization, UserIdentity user, TokenGrant grant) {
        Optional<SignInHold> hold = holds.find(user.userId());
        if (hold.isPresent()) return refuse(user, hold.get(), grant);
        if (!grant.grantedScopes().grantsGmailRead()) {
            // Force consent: the grant we drop may have carried the only refresh token Google will issue.
            return retry(Optional.of(user.email()), ConsentReason.INSUFFICIENT_SCOPE);
        }

        Optional<StoredCredential> stored = credentials.findByUserId(user.userId());
        Optional<RefreshToken> refreshToken = grant.refreshToken().or(() -> stored.map(StoredCredential::refreshToken));
        if (refreshToken.isEmpty()) return retry(Optional.of(user.email()), ConsentReason.NO_REFRESH_TOKEN);

        Instant now = clock.instant();
        Optional<PersonId> owner = links.find(user.userId()).map(LinkedAccount::person);
        PersonId person = authorization.linkTo().or(() -> owner).orElseGet(PersonId::random);
        Optional<PersonId> elsewhere = links.link(new LinkedAccount(user.userId(), user.email(), person, now))
                .fold(linked -> Optional.<PersonId>empty(), already -> Optional.<PersonId>empty(), other -> Optional.of(other.owner()));
        if (elsewhere.isPresent()) {
            // Not revoked: revoking would end the grant of the person the account belongs to.
            return authorization.linkTo().isPresent() ? new LinkRefused(user.email())
                    : new Rejected("this account was being connected twice at once; please sign in again");
        }
        StoredCredential credential = new StoredCredential(user.userId(), user.email(), refreshToken.get(), Optional.of(grant.accessToken()),
                grant.grantedScopes(), stored.map(StoredCredential::createdAt).orElse(now), now, refreshTokenEnd(grant, stored));
        events.change(() -> credentials.save(credential), new NewEvent(user.userId(), user.email(), now,
                new EventPayload.AccountConnected(grant.grantedScopes(), stored.isPresent(), credential.refreshTokenExpiresAt())));
        history.append(user.userId(), HistoryEntry.of(now, stored.isPresent() ? HistoryEntry.Kind.RECONSENTED : HistoryEntry.Kind.CONNECTED,
                grant.refreshTokenExpiresAt().map(end -> "time-limited access until " + end.truncatedTo(ChronoUnit.SECONDS)).orElse("")));
        // The mailbox is kept in sync from now on, while the person is away: a background job starts it.
        syncJobs.syncAt(user.userId(), now);
        return new Authorized(person, user.userId(), user.email(), authorization.linkTo().isPresent());
    }

    /**
     * A person of the Workspace domain signed in with Google sign-in only: the address verified, the account of the
     * domain (Google's {@code hd}; the address's domain when Google names none), and its mailbox enrolled, which
     * matches by Google's user id, so only the Workspace account itself passes. No credential is stored (none was
     * asked for); the account is linked to its person, whose mail is then read through delegation.
     */
    private AuthorizationOutcome signInWorkspace(WorkspaceDomain domain, Identification.Identified identified) {
        UserIdentity user = identified.identity();
        Optional<SignInHold> hold = holds.find(user.userId());
        if (hold.isPresent()) return new SignInRefused(user.userId(), hold.get());
        if (!identified.emailVerified()) {
            return new WorkspaceRefused("Google has not verified the address " + user.email().value() + ", so it cannot sign in here.");
        }
        boolean ofDomain = identified.hostedDomain().map(domain::matches).orElseGet(() -> domain.holds(user.email()));
        if (!ofDomain) {
            return new WorkspaceRefused(user.email().value() + " is not a " + domain.value() + " account. Sign in with your "
                    + domain.value() + " account, or use \"Sign in with Google\" to connect another account.");
        }
        if (enrolled.flatMap(mailboxes -> mailboxes.findByUserId(user.userId())).isEmpty()) {
            return new WorkspaceRefused("Your mailbox (" + user.email().value() + ") is not enrolled here; ask your administrator to enrol it.");
        }
        Instant now = clock.instant();
        PersonId person = links.find(user.userId()).map(LinkedAccount::person).orElseGet(PersonId::random);
        return links.link(new LinkedAccount(user.userId(), user.email(), person, now)).fold(
                linked -> new Authorized(person, user.userId(), user.email(), false),
                already -> new Authorized(person, user.userId(), user.email(), false),
                other -> new Rejected("this account was being signed in twice at once; please sign in again"));
    }

    /**
     * A held account gets nothing: the grant Google just issued is revoked again (best effort: the hold
     * stands either way), so no token of a hijacked account outlives this answer.
     */
    private SignInRefused refuse(UserIdentity user, SignInHold hold, TokenGrant grant) {
        try {
            grant.refreshToken().ifPresent(provider::revoke);
        } catch (ProviderUnavailableException e) {
            // Nothing is stored; the token dies with the account's recovery at Google.
        }
        return new SignInRefused(user.userId(), hold);
    }

    /** The end of the refresh token that will be stored: a new token's as announced, the kept token's as before. */
    private static Optional<Instant> refreshTokenEnd(TokenGrant grant, Optional<StoredCredential> stored) {
        if (grant.refreshToken().isPresent() || grant.refreshTokenExpiresAt().isPresent()) return grant.refreshTokenExpiresAt();
        return stored.flatMap(StoredCredential::refreshTokenExpiresAt);
    }

    /** Back through consent; whether {@code prompt=consent} is forced follows from the reason. */
    private static ConsentRequired retry(Optional<EmailAddress> hint, ConsentReason reason) {
        return new ConsentRequired(reason, hint);
    }

    private static Optional<AuthorizationState> parseState(Optional<String> raw) {
        try {
            return raw.map(AuthorizationState::new);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
