package dev.gmailserverauth.sandbox.internal.pubsub;

import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pull subscription's backlog, as Pub/Sub's REST {@code pull}/{@code acknowledge}/{@code modifyAckDeadline} see it:
 * a pulled message is leased until its ack deadline (on the sandbox clock, so tests move it), then delivered again
 * under a new ack id; acknowledging any ack id a message was given removes it; acking twice is no error. Thread-safe.
 */
final class PullQueue {
    private final String name;
    private final String topic;
    private final Duration ackDeadline;
    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Outstanding> byMessageId = new LinkedHashMap<>();

    /** A message with its deliveries so far. */
    record Pulled(String ackId, PublishedNotification message, int deliveryAttempt) {}

    private static final class Outstanding {
        final PublishedNotification message;
        final Set<String> ackIds = new HashSet<>();
        Instant leasedUntil = Instant.MIN;
        int deliveries;

        Outstanding(PublishedNotification message) {
            this.message = message;
        }
    }

    PullQueue(String name, String topic, Duration ackDeadline, SandboxClock clock) {
        if (ackDeadline.compareTo(Duration.ofSeconds(10)) < 0 || ackDeadline.compareTo(Duration.ofSeconds(600)) > 0) {
            throw new IllegalArgumentException("the ack deadline must be 10 to 600 seconds");
        }
        this.name = name;
        this.topic = topic;
        this.ackDeadline = ackDeadline;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    String topic() {
        return topic;
    }

    synchronized void add(PublishedNotification message) {
        byMessageId.putIfAbsent(message.messageId(), new Outstanding(message));
    }

    /** Up to {@code max} messages whose lease has run out (or that were never pulled), each leased anew. */
    synchronized List<Pulled> pull(int max) {
        Instant now = clock.now();
        List<Pulled> out = new ArrayList<>();
        for (Outstanding o : byMessageId.values()) {
            if (out.size() >= max) break;
            if (o.leasedUntil.isAfter(now)) continue;
            String ackId = newAckId();
            o.ackIds.add(ackId);
            o.deliveries++;
            o.leasedUntil = now.plus(ackDeadline);
            out.add(new Pulled(ackId, o.message, o.deliveries));
        }
        return out;
    }

    synchronized void acknowledge(List<String> ackIds) {
        byMessageId.values().removeIf(o -> ackIds.stream().anyMatch(o.ackIds::contains));
    }

    /** A new lease from now ({@code 0}: delivered again at once). */
    synchronized void modifyAckDeadline(List<String> ackIds, Duration deadline) {
        Instant until = clock.now().plus(deadline);
        for (Iterator<Outstanding> it = byMessageId.values().iterator(); it.hasNext(); ) {
            Outstanding o = it.next();
            if (ackIds.stream().anyMatch(o.ackIds::contains)) o.leasedUntil = until;
        }
    }

    synchronized int unacknowledged() {
        return byMessageId.size();
    }

    private String newAckId() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
