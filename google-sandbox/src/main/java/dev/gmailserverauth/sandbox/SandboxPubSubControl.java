package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * The control API of the sandbox's Pub/Sub: subscriptions of the topics {@code users.watch} publishes to, faults of
 * the pushes, what was pushed, and the service account whose key file lets a server pull.
 */
public interface SandboxPubSubControl {

    /** Creates (or replaces) a push subscription. */
    void createPushSubscription(SandboxPushSubscription subscription);

    /** Creates (or replaces) a pull subscription; an unacknowledged message is delivered again after {@code ackDeadline}. */
    void createPullSubscription(String name, String topic, Duration ackDeadline);

    void deleteSubscription(String name);

    /** The next {@code times} pushes (of any subscription) go wrong that way. */
    void injectPushFault(SandboxPushFault fault, int times);

    void clearPushFaults();

    /** The pushes attempted so far, oldest first (the last 1,000). */
    List<SandboxPushDelivery> pushDeliveries();

    /** Messages of a pull subscription not yet acknowledged. */
    int unacknowledged(String subscription);

    /**
     * The JSON key file of the sandbox's service account (as the Cloud console downloads it), whose {@code token_uri}
     * is the sandbox's token endpoint: with it google-auth-library gets tokens for {@code …/auth/pubsub} to pull.
     */
    String serviceAccountKeyFile();

    /** That service account's address. */
    String serviceAccountEmail();
}
