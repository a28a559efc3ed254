package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.List;

/** The Java face of the control API ({@code /__sandbox/}). */
public interface SandboxControl extends SandboxLifecycleControl {

    /** Adds an account; returns its Google user id (a numeric string like Google's {@code sub}). */
    String addAccount(String email, String displayName);

    /** Adds a message to the account's mailbox; returns its Gmail message id (16 hex chars). */
    String addMessage(String email, SandboxMessage message);

    /** Emails of the seeded demo accounts; the first has ~300 messages, the last an empty mailbox. */
    List<String> demoAccounts();

    /** Emails of every account, demo or added. */
    List<String> accounts();

    /** The Google user id of that account. */
    String userId(String email);

    /** Every access token of that account becomes expired (401 invalid_token). */
    void expireAccessTokens(String email);

    /** As if the user revoked the app: refresh tokens give invalid_grant, access tokens 401. */
    void revokeGrants(String email);

    /** The next {@code times} calls of that endpoint fail that way (batch parts count as calls). */
    void injectFault(Endpoint endpoint, int times, Fault fault);

    /** Forgets every pending fault. */
    void clearFaults();

    /** Added to every request (simulated network round trip); control API requests excluded. */
    void setLatency(Duration perRequest);

    /** Lifetime of access tokens issued from now on (default 3599 s). */
    void setAccessTokenLifetime(Duration lifetime);

    /** Moves the sandbox clock forward (expires codes and tokens, moves the quota window, without waiting). */
    void advanceClock(Duration amount);

    Counters counters();

    void resetCounters();

    /** The per-user limits being played now. */
    SandboxLimits limits();

    /** Plays these limits from now on (spent units, refusals and peaks are kept). */
    void setLimits(SandboxLimits limits);

    /** Back to the limits the sandbox was started with, every user's usage forgotten. */
    void resetLimits();

    /** What that account has spent of its limits, and how often it was refused. */
    LimitUsage limitUsage(String email);

    /** Forgets every user's spent units, refusals and peaks; the limits stay as they are. */
    void resetLimitUsage();

    /** Mailbox changes (labels, deletions), their Gmail history and watches. */
    SandboxHistoryControl history();

    /** Pub/Sub: the subscriptions watches publish to, push faults and deliveries, the pull service account. */
    SandboxPubSubControl pubSub();
}
