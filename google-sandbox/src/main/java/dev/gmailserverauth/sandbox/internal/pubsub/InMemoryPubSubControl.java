package dev.gmailserverauth.sandbox.internal.pubsub;

import dev.gmailserverauth.sandbox.SandboxPubSubControl;
import dev.gmailserverauth.sandbox.SandboxPubSubNames;
import dev.gmailserverauth.sandbox.SandboxPushDelivery;
import dev.gmailserverauth.sandbox.SandboxPushFault;
import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** {@link SandboxPubSubControl} on the sandbox's Pub/Sub. */
public final class InMemoryPubSubControl implements SandboxPubSubControl {
    private final SandboxPubSub pubSub;

    public InMemoryPubSubControl(SandboxPubSub pubSub) {
        this.pubSub = pubSub;
    }

    @Override public void createPushSubscription(SandboxPushSubscription subscription) {
        pubSub.subscribe(Objects.requireNonNull(subscription, "subscription"));
    }

    @Override public void createPullSubscription(String name, String topic, Duration ackDeadline) {
        pubSub.subscribePull(SandboxPubSubNames.requireSubscription(name), SandboxPubSubNames.requireTopic(topic),
                Objects.requireNonNull(ackDeadline, "ackDeadline"));
    }

    @Override public void deleteSubscription(String name) {
        pubSub.unsubscribe(name);
    }

    @Override public void injectPushFault(SandboxPushFault fault, int times) {
        pubSub.sender().inject(Objects.requireNonNull(fault, "fault"), times);
    }

    @Override public void clearPushFaults() {
        pubSub.sender().clearFaults();
    }

    @Override public List<SandboxPushDelivery> pushDeliveries() {
        return pubSub.sender().deliveries();
    }

    @Override public int unacknowledged(String subscription) {
        return pubSub.pullQueue(subscription).map(PullQueue::unacknowledged)
                .orElseThrow(() -> new IllegalArgumentException("no pull subscription " + subscription));
    }

    @Override public String serviceAccountKeyFile() {
        return pubSub.serviceAccount().keyFile();
    }

    @Override public String serviceAccountEmail() {
        return pubSub.serviceAccount().email();
    }
}
