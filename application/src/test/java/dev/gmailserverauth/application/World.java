package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.fake.FakeSecurityEventIssuer;
import dev.gmailserverauth.domain.fake.Fixtures;
import dev.gmailserverauth.domain.fake.InMemoryAccountHistory;
import dev.gmailserverauth.domain.fake.InMemoryCredentialRepository;
import dev.gmailserverauth.domain.fake.InMemoryLinkedAccounts;
import dev.gmailserverauth.domain.fake.InMemoryPendingAuthorizationStore;
import dev.gmailserverauth.domain.fake.InMemoryRefreshLock;
import dev.gmailserverauth.domain.fake.InMemorySeenSecurityEvents;
import dev.gmailserverauth.domain.fake.InMemorySessionRepository;
import dev.gmailserverauth.domain.fake.InMemorySignInHolds;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.Issuer;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Every use case wired to FakeGoogle and in-memory stores, with a clock the test moves. Published in
 * this module's test-jar for the web adapter's route tests.
 */
public final class World {
    public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    /** The largest attachment the world's {@link GetAttachment} hands out. */
    public static final long ATTACHMENT_LIMIT = 64 * 1024;
    /** The issuer FakeGoogle's redirects would name. */
    public static final Issuer ISSUER = Issuer.GOOGLE;

    public final MutableClock clock = new MutableClock(START);
    public final FakeGoogle google = new FakeGoogle(clock);
    public final InMemoryCredentialRepository credentials = new InMemoryCredentialRepository();
    public final InMemoryPendingAuthorizationStore pending = new InMemoryPendingAuthorizationStore();
    public final InMemorySessionRepository sessions = new InMemorySessionRepository();
    public final InMemoryLinkedAccounts links = new InMemoryLinkedAccounts();
    public final InMemoryAccountHistory history = new InMemoryAccountHistory();
    public final InMemorySignInHolds holds = new InMemorySignInHolds();
    public final InMemorySeenSecurityEvents seenSecurityEvents = new InMemorySeenSecurityEvents();
    public final FakeSecurityEventIssuer riscIssuer = new FakeSecurityEventIssuer(clock);
    public final RenewalNotice renewalNotice = new RenewalNotice(RenewalNotice.DEFAULT);
    public final SummaryCache cache = new SummaryCache(1000, Duration.ofMinutes(5), clock);
    public final BeginAuthorization begin;
    public final CompleteAuthorization complete;
    public final AuthorizedAccess access;
    public final ListMessages listMessages;
    public final ListAllMessages listAllMessages;
    /** Every wait {@link #listAllMessages} asked for; each moves {@link #clock} to its end. */
    public final List<Instant> pauses = new CopyOnWriteArrayList<>();
    public final GetMessage getMessage;
    public final ListLabels listLabels;
    public final ListThreads listThreads;
    public final GetThread getThread;
    public final GetAttachment getAttachment;
    public final Disconnect disconnect;
    public final StartSession startSession;
    public final ResolveSession resolveSession;
    public final EndSession endSession;
    public final DescribeUser describeUser;
    public final SweepExpired sweepExpired;
    public final HandleSecurityEvent handleSecurityEvent;
    public final ViewAccount viewAccount;
    public final ListAccounts listAccounts;

    /** How many sign-ins may be in flight in a test world. */
    public static final int MAX_IN_FLIGHT = 100;
    /** The nonce of the one browser the tests sign in with. */
    public final BrowserNonce browser = BrowserNonce.random();

    public World() {
        this(null);
    }

    /** A world whose use cases read mail through {@code mailbox} instead of FakeGoogle's. */
    public World(Mailbox mailbox) {
        Mailbox mail = mailbox == null ? google.mailbox() : mailbox;
        begin = new BeginAuthorization(google.authorizationProvider(), pending, credentials, Fixtures.REDIRECT_URI, MAX_IN_FLIGHT, clock);
        complete = new CompleteAuthorization(google.authorizationProvider(), pending, credentials, links, holds, history, ISSUER, clock);
        access = new AuthorizedAccess(credentials, google.authorizationProvider(), new InMemoryRefreshLock(), history, renewalNotice, clock);
        listMessages = new ListMessages(mail, cache);
        listAllMessages = new ListAllMessages(listMessages, clock, until -> {
            pauses.add(until);
            if (clock.instant().isBefore(until)) clock.set(until);
        });
        getMessage = new GetMessage(mail);
        listLabels = new ListLabels(mail);
        listThreads = new ListThreads(mail);
        getThread = new GetThread(mail);
        getAttachment = new GetAttachment(mail, ATTACHMENT_LIMIT);
        disconnect = new Disconnect(google.authorizationProvider(), credentials, sessions, links, cache, history, clock);
        startSession = new StartSession(sessions, SessionPolicy.DEFAULT, clock);
        resolveSession = new ResolveSession(sessions, links, SessionPolicy.DEFAULT, clock);
        endSession = new EndSession(sessions);
        describeUser = new DescribeUser(credentials);
        sweepExpired = new SweepExpired(pending, sessions, seenSecurityEvents, clock);
        handleSecurityEvent = new HandleSecurityEvent(riscIssuer.verifier(), seenSecurityEvents, credentials, sessions, links, holds, history, cache, clock);
        viewAccount = new ViewAccount(credentials, history, holds, renewalNotice, clock);
        listAccounts = new ListAccounts(credentials, clock);
    }

    /** The state an authorization URL carries. */
    public static AuthorizationState stateOf(AuthorizationUrl url) {
        return new AuthorizationState(QueryString.of(url.value()).require("state"));
    }

    /** Runs the whole sign-in for the account, granting these scopes, and returns the callback's outcome. */
    public AuthorizationOutcome signIn(UserIdentity account, Scopes granted) {
        return signInAt(started(BeginAuthorization.Command.anonymous(browser.binding())), account, granted);
    }

    /** The consent URL of a sign-in that was started; fails the test if it was refused. */
    public AuthorizationUrl started(BeginAuthorization.Command command) {
        BeginAuthorization.Start start = begin.begin(command);
        if (start instanceof BeginAuthorization.Start.Started started) return started.url();
        throw new AssertionError("sign-in refused: " + start);
    }

    public AuthorizationOutcome signInAt(AuthorizationUrl url, UserIdentity account, Scopes granted) {
        AuthorizationState state = stateOf(url);
        String code = google.approve(state, account, granted).value();
        return complete.complete(new CompleteAuthorization.Callback(Optional.of(state.value()), Optional.of(code), Optional.empty(),
                Optional.of(browser), Optional.of(ISSUER.value())));
    }

    /** The whole sign-in, the person granting time-limited access for {@code limit}. */
    public AuthorizationOutcome signInTimeLimited(UserIdentity account, Duration limit) {
        AuthorizationState state = stateOf(started(BeginAuthorization.Command.anonymous(browser.binding())));
        String code = google.approveTimeLimited(state, account, limit).value();
        return complete.complete(new CompleteAuthorization.Callback(Optional.of(state.value()), Optional.of(code), Optional.empty(),
                Optional.of(browser), Optional.of(ISSUER.value())));
    }

    /** The user's grant for one request, as the web resolves it; fails the test if access is denied. */
    public MailboxGrant grant(UserId user) {
        AccessOutcome outcome = access.open(user);
        if (outcome instanceof AccessOutcome.Granted granted) return granted.grant();
        throw new AssertionError("access denied: " + outcome);
    }

    /** Runs a mail use case as the web does: the user's grant is opened first, a denial is the outcome. */
    public <T> MailOutcome<T> asUser(UserId user, Function<MailboxGrant, MailOutcome<T>> useCase) {
        AccessOutcome outcome = access.open(user);
        if (outcome instanceof AccessOutcome.Denied denied) return new MailOutcome.ReauthorizationRequired<>(denied.consent());
        return useCase.apply(((AccessOutcome.Granted) outcome).grant());
    }

    /** The consent URL a browser gets when it follows this outcome's way back (as {@code /login} does). */
    public AuthorizationUrl consentUrl(ConsentRequired consent, Optional<UserId> signedIn) {
        return started(new BeginAuthorization.Command(signedIn, consent.loginHint(), consent.reason().needsNewRefreshToken(), browser.binding()));
    }

    /** A new session of the person the account is linked to (a new person if it is linked to none), signed in with it. */
    public SessionToken session(UserId account) {
        if (links.find(account).isEmpty()) {
            links.link(new LinkedAccount(account, new EmailAddress(account.value() + "@example.com"), PersonId.random(), clock.instant()));
        }
        return startSession.start(personOf(account), account);
    }

    /** The person a linked account belongs to; fails the test if it is not linked. */
    public PersonId personOf(UserId account) {
        return links.find(account).orElseThrow(() -> new AssertionError(account + " is not linked")).person();
    }

    /** Completes a started sign-in in this world's browser, with this person signed in on it. */
    public AuthorizationOutcome completeAt(AuthorizationUrl url, UserIdentity account, Optional<PersonId> signedIn) {
        AuthorizationState state = stateOf(url);
        String code = google.approve(state, account, Scopes.REQUESTED).value();
        return complete.complete(new CompleteAuthorization.Callback(Optional.of(state.value()), Optional.of(code), Optional.empty(),
                Optional.of(browser), Optional.of(ISSUER.value()), signedIn));
    }

    public AuthorizationOutcome signIn(UserIdentity account) {
        return signIn(account, Scopes.REQUESTED);
    }
}
