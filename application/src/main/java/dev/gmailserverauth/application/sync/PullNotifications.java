package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.domain.model.PulledNotification;
import dev.gmailserverauth.domain.port.NotificationSubscription;
import java.util.List;
import java.util.Objects;

/**
 * Pull mode: reads waiting notifications from the Pub/Sub subscription, hands each to {@link ReceiveNotification},
 * and acknowledges them only once that is recorded (a crash before then gets them delivered again). A message
 * that is not a Gmail notification is acknowledged and counted: delivering it again would not change it.
 */
public final class PullNotifications {
    private final NotificationSubscription subscription;
    private final ReceiveNotification receive;

    public PullNotifications(NotificationSubscription subscription, ReceiveNotification receive) {
        this.subscription = Objects.requireNonNull(subscription);
        this.receive = Objects.requireNonNull(receive);
    }

    /** What one pull did. */
    public record Pulled(int scheduled, int notSynced, int unknownAddress, int malformed) {
        public int total() {
            return scheduled + notSynced + unknownAddress + malformed;
        }
    }

    public Pulled pull(int max) {
        List<PulledNotification> pulled = subscription.pull(max);
        int scheduled = 0;
        int notSynced = 0;
        int unknown = 0;
        int malformed = 0;
        for (PulledNotification message : pulled) {
            if (message.notification().isEmpty()) {
                malformed++;
                continue;
            }
            ReceiveNotification.Outcome outcome = receive.receive(message.notification().get());
            scheduled += outcome.fold(s -> 1, n -> 0, u -> 0);
            notSynced += outcome.fold(s -> 0, n -> 1, u -> 0);
            unknown += outcome.fold(s -> 0, n -> 0, u -> 1);
        }
        if (!pulled.isEmpty()) subscription.acknowledge(pulled.stream().map(PulledNotification::ackId).toList());
        return new Pulled(scheduled, notSynced, unknown, malformed);
    }
}
