package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxObservation;
import dev.gmailserverauth.sandbox.internal.gmail.GmailAccountMailbox;
import dev.gmailserverauth.sandbox.internal.gmail.LimitBoard;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthStore;
import dev.gmailserverauth.sandbox.internal.oauth.Observations;
import dev.gmailserverauth.sandbox.internal.history.GmailHistories;
import dev.gmailserverauth.sandbox.internal.pubsub.SandboxPubSub;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Everything the sandbox knows; the handlers share it. */
public final class SandboxState {
    private final SandboxClock clock = new SandboxClock(Clock.systemUTC());
    private final Random dataRandom;
    private final Accounts accounts;
    private final Map<String, GmailAccountMailbox> mailboxes = new HashMap<>();
    private final OAuthStore oauth;
    private final IdentityState identity;
    private final FaultBoard faults = new FaultBoard();
    private final GmailHistories histories = new GmailHistories(clock);
    private final LimitBoard limits;
    private final List<SandboxClient> clients;
    private final long seed;
    private final dev.gmailserverauth.sandbox.internal.serviceaccount.WorkspaceDelegation delegation;
    private final SandboxPubSub pubSub;

    public SandboxState(long seed, List<SandboxClient> clients) {
        this(seed, clients, SandboxLimits.google(), Set.of());
    }

    public SandboxState(long seed, List<SandboxClient> clients, SandboxLimits limits, Set<SandboxObservation> observed) {
        this.limits = new LimitBoard(clock, limits);
        this.dataRandom = new Random(seed);
        this.accounts = new Accounts(dataRandom);
        this.clients = List.copyOf(clients);
        this.identity = new IdentityState(clock, accounts, this.clients);
        this.oauth = new OAuthStore(clock, identity.publishing(), new Observations(observed));
        this.seed = seed;
        this.delegation = new dev.gmailserverauth.sandbox.internal.serviceaccount.WorkspaceDelegation(clock, accounts,
                new dev.gmailserverauth.sandbox.internal.directory.WorkspaceDirectory());
        this.pubSub = new SandboxPubSub(clock, identity.keys(), identity.issuer(), histories);
    }

    /** Domain-wide delegation: the demo service account, the demo domain and its Admin console. */
    public dev.gmailserverauth.sandbox.internal.serviceaccount.WorkspaceDelegation delegation() {
        return delegation;
    }

    public long seed() {
        return seed;
    }

    public SandboxClock clock() {
        return clock;
    }

    public Accounts accounts() {
        return accounts;
    }

    public OAuthStore oauth() {
        return oauth;
    }

    public IdentityState identity() {
        return identity;
    }

    public FaultBoard faults() {
        return faults;
    }

    /** Gmail's per-user quota and concurrency limits. */
    public LimitBoard limits() {
        return limits;
    }

    /** Every mailbox's change history and watch, and what they share. */
    public GmailHistories histories() {
        return histories;
    }

    /** Pub/Sub: where watches publish, pushes and pull subscriptions. */
    public SandboxPubSub pubSub() {
        return pubSub;
    }

    public Optional<SandboxClient> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    private static final java.time.Duration FILL_DELAY = java.time.Duration.ofSeconds(2);

    public synchronized Account addAccount(String email, String displayName) {
        Account account = accounts.add(email, displayName);
        mailboxes.put(account.email(), new GmailAccountMailbox(account.email(), new Random(seed ^ ((long) account.email().hashCode() << 16)), histories));
        return account;
    }

    /**
     * Fills every lazily seeded mailbox on a daemon thread, so the first request does not wait for it;
     * after a short pause, so that the start of whatever embeds the sandbox has the cores to itself
     * (a request that comes first fills its mailbox on the spot).
     */
    public void fillInBackground() {
        List<GmailAccountMailbox> all;
        synchronized (this) {
            all = List.copyOf(mailboxes.values());
        }
        Thread filler = new Thread(() -> {
            try {
                Thread.sleep(FILL_DELAY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            identity.keys().currentKeyId();  // makes the signing key, so the first security event does not wait for it
            all.forEach(GmailAccountMailbox::ensureFilled);
        }, "google-sandbox-demo-fill");
        filler.setDaemon(true);
        filler.start();
    }

    public synchronized GmailAccountMailbox mailbox(Account account) {
        return mailboxes.get(account.email());
    }
}
