package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A message pulled from the Pub/Sub subscription: the id to acknowledge it with, and the notification it
 * carries (empty when its data is not a Gmail notification: it is acknowledged and counted, never retried).
 */
public record PulledNotification(String ackId, Optional<MailboxNotification> notification) {
    public PulledNotification {
        if (ackId == null || ackId.isBlank()) throw new IllegalArgumentException("ack id is blank");
        Objects.requireNonNull(notification, "notification");
    }

    @Override
    public String toString() {
        return "PulledNotification[" + notification + "]";
    }
}
