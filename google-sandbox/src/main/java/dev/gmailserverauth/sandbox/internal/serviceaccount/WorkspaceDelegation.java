package dev.gmailserverauth.sandbox.internal.serviceaccount;

import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.Accounts;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import dev.gmailserverauth.sandbox.internal.directory.WorkspaceDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Domain-wide delegation as the demo domain's Admin console holds it (Security → API controls → Domain-wide
 * delegation: a client ID and its exact scopes, effective after a propagation delay), the demo service account, and
 * the switches tests use: answer Gmail for another user than the token's subject (the wrong-mailbox bug), accept
 * only the sandbox's own URL as {@code aud}. Thread-safe.
 */
public final class WorkspaceDelegation {
    /** An Admin console entry: the client ID's scopes, effective from {@code effectiveAt}. */
    public record Entry(String clientId, List<String> scopes, Instant effectiveAt) {
        public Entry {
            scopes = List.copyOf(scopes);
        }
    }

    private final SandboxClock clock;
    private final Accounts accounts;
    private final WorkspaceDirectory directory;
    private final DemoServiceAccount serviceAccount = new DemoServiceAccount();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> answerFor = new HashMap<>();
    private final Map<String, Instant> serviceAccountTokens = new ConcurrentHashMap<>();
    private Duration propagationDelay = Duration.ZERO;
    private boolean googleAudienceAccepted = true;

    public WorkspaceDelegation(SandboxClock clock, Accounts accounts, WorkspaceDirectory directory) {
        this.clock = clock;
        this.accounts = accounts;
        this.directory = directory;
    }

    public DemoServiceAccount serviceAccount() {
        return serviceAccount;
    }

    public WorkspaceDirectory directory() {
        return directory;
    }

    public SandboxClock clock() {
        return clock;
    }

    /** Authorizes {@code clientId} for exactly these scopes (replacing an earlier entry), after the propagation delay. */
    public synchronized void delegate(String clientId, List<String> scopes) {
        if (!clientId.matches("\\d{10,30}")) throw new IllegalArgumentException("the client ID is the numeric one, not " + clientId);
        if (scopes.isEmpty()) throw new IllegalArgumentException("at least one scope");
        entries.put(clientId, new Entry(clientId, scopes, clock.now().plus(propagationDelay)));
    }

    public synchronized void removeDelegation(String clientId) {
        entries.remove(clientId);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry for the client, whether or not it is effective yet. */
    public synchronized Optional<Entry> entry(String clientId) {
        return Optional.ofNullable(entries.get(clientId));
    }

    /** How long a new or changed entry takes to reach the domain's users (Google: minutes, up to 24 hours). */
    public synchronized void setPropagationDelay(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException("delay must be >= 0");
        propagationDelay = delay;
    }

    /** False: only the sandbox's own {@code /token} URL is a valid {@code aud}, Google's is refused. */
    public synchronized void setGoogleAudienceAccepted(boolean accepted) {
        googleAudienceAccepted = accepted;
    }

    public synchronized boolean googleAudienceAccepted() {
        return googleAudienceAccepted;
    }

    /** From now on Gmail answers calls made for {@code subject} from {@code other}'s mailbox (a bug to catch). */
    public synchronized void answerGmailFor(String subject, String other) {
        accounts.require(other);
        answerFor.put(subject.toLowerCase(Locale.ROOT), other.toLowerCase(Locale.ROOT));
    }

    public synchronized void clearGmailMisroutes() {
        answerFor.clear();
    }

    /** The account whose mailbox Gmail reads for a call authorized as {@code owner}. */
    public synchronized Account mailboxOwner(Account owner) {
        return Optional.ofNullable(answerFor.get(owner.email())).flatMap(accounts::byEmail).orElse(owner);
    }

    /** Remembers a token issued to the service account itself (no {@code sub}): Gmail answers it with failedPrecondition. */
    public void rememberServiceAccountToken(String token, Instant expiresAt) {
        serviceAccountTokens.put(token, expiresAt);
    }

    public boolean isServiceAccountToken(String token) {
        Instant expiry = serviceAccountTokens.get(token);
        return expiry != null && clock.now().isBefore(expiry);
    }
}
