package dev.gmailserverauth.sandbox.internal.pubsub;

import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.SandboxPushDelivery;
import dev.gmailserverauth.sandbox.SandboxPushFault;
import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import dev.gmailserverauth.sandbox.internal.OutboundHttp;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs push messages as Pub/Sub does: the wrapped body, {@code Authorization: Bearer <OIDC token>}, the ack deadline
 * (10 s) as the request timeout; any status but 102, 200, 201, 202 and 204 (or no answer) is a negative
 * acknowledgement, retried with exponential backoff (from {@link #FIRST_RETRY}, doubling, at most
 * {@link #MAX_RETRY_WAIT}) up to {@link #MAX_ATTEMPTS} tries (Pub/Sub keeps trying for up to 7 days). Injected faults
 * are applied here. Thread-safe.
 */
final class PushSender {
    static final Duration ACK_DEADLINE = Duration.ofSeconds(10);
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);
    static final int MAX_ATTEMPTS = 8;
    /** A message held back to be reordered goes out after the next one, or after this long if none comes. */
    static final Duration REORDER_HOLD = Duration.ofSeconds(5);
    private static final int KEPT_DELIVERIES = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PushSender.class);

    private final PushTokens tokens;
    private final SandboxClock clock;
    private final ScheduledExecutorService scheduler;
    private final OutboundHttp http = new OutboundHttp(ACK_DEADLINE);
    private final Deque<SandboxPushFault> faults = new ArrayDeque<>();
    private final Deque<SandboxPushDelivery> deliveries = new ArrayDeque<>();
    private final Map<String, PublishedNotification> heldBack = new HashMap<>();

    PushSender(PushTokens tokens, SandboxClock clock, ScheduledExecutorService scheduler) {
        this.tokens = tokens;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    synchronized void inject(SandboxPushFault fault, int times) {
        if (times < 1) throw new IllegalArgumentException("times must be >= 1");
        for (int i = 0; i < times; i++) faults.addLast(fault);
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    synchronized List<SandboxPushDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Sends one published message to one push subscription, with the next injected fault if there is one. */
    void deliver(SandboxPushSubscription subscription, PublishedNotification message) {
        Optional<SandboxPushFault> fault;
        Optional<PublishedNotification> held;
        synchronized (this) {
            fault = Optional.ofNullable(faults.pollFirst());
            held = Optional.ofNullable(heldBack.remove(subscription.name()));
        }
        Optional<SandboxPushFault.Kind> kind = fault.map(SandboxPushFault::kind);
        // a message held back for reordering goes out right after this one's first try, in the same task
        Runnable releaseHeld = () -> held.ifPresent(earlier -> attempt(subscription, earlier, Optional.of(SandboxPushFault.Kind.REORDER), 1));
        if (kind.filter(SandboxPushFault.Kind::forgery).isPresent()) {
            scheduler.execute(() -> {
                post(subscription, message, kind, 1);
                attempt(subscription, message, Optional.empty(), 1);
                releaseHeld.run();
            });
        } else if (kind.isEmpty()) {
            scheduler.execute(() -> {
                attempt(subscription, message, Optional.empty(), 1);
                releaseHeld.run();
            });
        } else {
            switch (kind.get()) {
                case DROP -> {
                    record(new SandboxPushDelivery(message.messageId(), subscription.name(), subscription.endpoint(), message.emailAddress(),
                            Long.toString(message.historyId()), kind, 1, "", 0, Optional.of("dropped (injected fault)"), clock.now()));
                    scheduler.execute(releaseHeld);
                }
                case DUPLICATE -> scheduler.execute(() -> {
                    attempt(subscription, message, kind, 1);
                    attempt(subscription, message, kind, 1);
                    releaseHeld.run();
                });
                case DELAY -> {
                    scheduler.schedule(() -> attempt(subscription, message, kind, 1), fault.get().delay().toMillis(), TimeUnit.MILLISECONDS);
                    scheduler.execute(releaseHeld);
                }
                default -> {
                    holdBack(subscription, message);
                    scheduler.execute(releaseHeld);
                }
            }
        }
    }

    private void holdBack(SandboxPushSubscription subscription, PublishedNotification message) {
        synchronized (this) {
            heldBack.put(subscription.name(), message);
        }
        scheduler.schedule(() -> {
            boolean stillHeld;
            synchronized (this) {
                stillHeld = heldBack.remove(subscription.name(), message);
            }
            if (stillHeld) attempt(subscription, message, Optional.of(SandboxPushFault.Kind.REORDER), 1);
        }, REORDER_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(SandboxPushSubscription subscription, PublishedNotification message, Optional<SandboxPushFault.Kind> fault, int attempt) {
        SandboxPushDelivery delivery = post(subscription, message, fault.filter(k -> !k.forgery()), attempt);
        if (!delivery.acknowledged() && attempt < MAX_ATTEMPTS) {
            long wait = Math.min(MAX_RETRY_WAIT.toMillis(), FIRST_RETRY.toMillis() << (attempt - 1));
            scheduler.schedule(() -> attempt(subscription, message, fault, attempt + 1), wait, TimeUnit.MILLISECONDS);
        }
    }

    /** One POST; a forged token when {@code fault} is a forgery. */
    private SandboxPushDelivery post(SandboxPushSubscription subscription, PublishedNotification message, Optional<SandboxPushFault.Kind> fault,
                                     int attempt) {
        JsonObject body = new JsonObject();
        body.add("message", message.json(true));
        body.addProperty("subscription", subscription.name());
        String token = tokens.token(subscription, fault.filter(SandboxPushFault.Kind::forgery));
        HttpRequest request = HttpRequest.newBuilder(subscription.endpoint()).timeout(ACK_DEADLINE)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("User-Agent", "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        int status = 0;
        Optional<String> failure = Optional.empty();
        try {
            status = http.client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            failure = Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of("interrupted");
        }
        SandboxPushDelivery delivery = new SandboxPushDelivery(message.messageId(), subscription.name(), subscription.endpoint(),
                message.emailAddress(), Long.toString(message.historyId()), fault, attempt, token, status, failure, clock.now());
        LOG.debug("push {}", delivery);
        record(delivery);
        return delivery;
    }

    private synchronized void record(SandboxPushDelivery delivery) {
        deliveries.addLast(delivery);
        while (deliveries.size() > KEPT_DELIVERIES) deliveries.removeFirst();
    }
}
