package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.PulledNotification;
import java.util.List;

/**
 * Driven port for pull mode: Gmail's notifications read from a Pub/Sub subscription by the server itself
 * (as its own service account, never with a person's token).
 */
public interface NotificationSubscription {

    /** Up to {@code max} messages waiting on the subscription; an empty list when there are none. */
    List<PulledNotification> pull(int max);

    /** Tells Pub/Sub these messages were handled: called only after their change is recorded. */
    void acknowledge(List<String> ackIds);
}
