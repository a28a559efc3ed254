package dev.gmailserverauth.application;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.fake.InMemoryEventOutbox;
import dev.gmailserverauth.domain.fake.InMemoryTransactions;
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
import dev.gmailserverauth.domain.fake.InMemoryMessageIndex;
import dev.gmailserverauth.domain.fake.InMemorySyncJobs;
import dev.gmailserverauth.domain.fake.InMemorySyncStates;
import dev.gmailserverauth.application.sync.CheckCompleteness;
import dev.gmailserverauth.application.sync.DescribeSync;
import dev.gmailserverauth.application.sync.EndSync;
import dev.gmailserverauth.application.sync.KnownLabels;
import dev.gmailserverauth.application.sync.ListIndexed;
import dev.gmailserverauth.application.sync.ReceiveNotification;
import dev.gmailserverauth.application.sync.RenewWatch;
import dev.gmailserverauth.application.sync.RunSync;
import dev.gmailserverauth.application.sync.TellingIndex;
import dev.gmailserverauth.application.sync.SyncSettings;
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
    public final InMemoryEventOutbox events = new InMemoryEventOutbox();
    public final EventRecorder recorder = new EventRecorder(new InMemoryTransactions(), events);
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
    /** The sync: its stores, the jobs asked for (run by hand in tests), and its use cases. */
    public final InMemorySyncStates syncStates = new InMemorySyncStates();
    public final InMemoryMessageIndex messageIndex = new InMemoryMessageIndex(syncStates);
    public final InMemorySyncJobs syncJobs = new InMemorySyncJobs();
    public static final String TOPIC = "projects/demo/topics/gmail";
    public final SyncSettings syncSettings = SyncSettings.of(25, Duration.ofMinutes(10), Optional.of(TOPIC));
    public final EndSync endSync;
    public final TellingIndex tellingIndex;
    public final RunSync runSync;
    public final RenewWatch renewWatch;
    public final CheckCompleteness checkCompleteness;
    public final ReceiveNotification receiveNotification;
    public final DescribeSync describeSync;
    public final ListIndexed listIndexed;
    public final KnownLabels knownLabels;
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
        complete = new CompleteAuthorization(google.authorizationProvider(), pending, credentials, links, holds, history, recorder, ISSUER, syncJobs,
                clock);
        access = new AuthorizedAccess(credentials, google.authorizationProvider(), new InMemoryRefreshLock(), history, recorder, renewalNotice, clock);
        endSync = new EndSync(access, google.mailboxChanges(), syncStates, messageIndex, syncJobs, clock);
        tellingIndex = new TellingIndex(messageIndex, recorder, clock);
        runSync = new RunSync(access, google.mailboxChanges(), mail, syncStates, messageIndex, tellingIndex, endSync, syncJobs, syncSettings, clock);
        renewWatch = new RenewWatch(access, google.mailboxChanges(), syncStates, syncSettings);
        checkCompleteness = new CheckCompleteness(access, mail, syncStates, messageIndex, tellingIndex, syncSettings, clock);
        receiveNotification = new ReceiveNotification(syncStates, syncJobs, clock);
        describeSync = new DescribeSync(syncStates);
        knownLabels = new KnownLabels(100, syncSettings.pollInterval().multipliedBy(2), clock);
        listIndexed = new ListIndexed(syncStates, messageIndex, syncSettings, clock, knownLabels);
        listMessages = new ListMessages(mail, cache, Optional.of(listIndexed));
        listAllMessages = new ListAllMessages(listMessages, clock, until -> {
            pauses.add(until);
            if (clock.instant().isBefore(until)) clock.set(until);
        });
        getMessage = new GetMessage(mail);
        listLabels = new ListLabels(mail, knownLabels);
        listThreads = new ListThreads(mail);
        getThread = new GetThread(mail);
        getAttachment = new GetAttachment(mail, ATTACHMENT_LIMIT);
        disconnect = new Disconnect(google.authorizationProvider(), credentials, sessions, links, cache, history, endSync, recorder, clock);
        startSession = new StartSession(sessions, SessionPolicy.DEFAULT, clock);
        resolveSession = new ResolveSession(sessions, links, SessionPolicy.DEFAULT, clock);
        endSession = new EndSession(sessions);
        describeUser = new DescribeUser(credentials);
        sweepExpired = new SweepExpired(pending, sessions, seenSecurityEvents, clock);
        handleSecurityEvent = new HandleSecurityEvent(riscIssuer.verifier(), seenSecurityEvents, credentials, sessions, links, holds, history, recorder,
                cache, endSync, clock);
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
