package dev.gmailserverauth.sandbox.internal.pubsub;

import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import dev.gmailserverauth.sandbox.internal.risc.SandboxIssuer;
import dev.gmailserverauth.sandbox.internal.risc.SigningKeys;
import dev.gmailserverauth.sandbox.internal.history.GmailHistories;
import dev.gmailserverauth.sandbox.internal.history.WatchNotice;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Google's side of Gmail push: what {@code users.watch} publishes (at most one notification per second per mailbox;
 * changes in between are folded into the next one, which carries the newest history id) goes to every subscription
 * of the watch's topic: pushed over HTTP ({@link PushSender}) or queued for pulling ({@link PullQueue}). Thread-safe.
 */
public final class SandboxPubSub implements AutoCloseable {
    /** Gmail: "at most 1 event/sec per watched user". */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final SandboxClock clock;
    private final ScheduledExecutorService scheduler;
    private final PushSender sender;
    private final PubSubServiceAccount serviceAccount;
    private final Map<String, SandboxPushSubscription> pushes = new LinkedHashMap<>();
    private final Map<String, PullQueue> pulls = new LinkedHashMap<>();
    private final Map<String, Pacing> pacing = new HashMap<>();
    private final AtomicLong messageIds = new AtomicLong(2070443601311540L);

    /** When a mailbox last published, and the notification waiting for its next second. */
    private static final class Pacing {
        long lastNanos;
        boolean published;
        Optional<WatchNotice> pending = Optional.empty();
    }

    public SandboxPubSub(SandboxClock clock, SigningKeys keys, SandboxIssuer issuer, GmailHistories histories) {
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "google-sandbox-pubsub-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.sender = new PushSender(new PushTokens(keys, clock), clock, scheduler);
        this.serviceAccount = new PubSubServiceAccount(clock, issuer, GmailHistories.DEFAULT_PROJECT);
        histories.onWatchedChange(this::notice);
    }

    public PubSubServiceAccount serviceAccount() {
        return serviceAccount;
    }

    PushSender sender() {
        return sender;
    }

    synchronized void subscribe(SandboxPushSubscription subscription) {
        pulls.remove(subscription.name());
        pushes.put(subscription.name(), subscription);
    }

    synchronized void subscribePull(String name, String topic, Duration ackDeadline) {
        pushes.remove(name);
        pulls.put(name, new PullQueue(name, topic, ackDeadline, clock));
    }

    synchronized void unsubscribe(String name) {
        pushes.remove(name);
        pulls.remove(name);
    }

    synchronized Optional<PullQueue> pullQueue(String name) {
        return Optional.ofNullable(pulls.get(name));
    }

    /** A watched mailbox changed: publish now, or fold it into the notification due at the mailbox's next second. */
    private void notice(WatchNotice notice) {
        synchronized (this) {
            Pacing p = pacing.computeIfAbsent(notice.emailAddress(), e -> new Pacing());
            if (p.pending.isPresent()) {
                if (notice.historyId() > p.pending.get().historyId()) p.pending = Optional.of(notice);
                return;
            }
            long now = System.nanoTime();
            long wait = p.lastNanos + MIN_INTERVAL.toNanos() - now;
            if (p.published && wait > 0) {
                p.pending = Optional.of(notice);
                scheduler.schedule(() -> flush(notice.emailAddress()), wait, TimeUnit.NANOSECONDS);
                return;
            }
            p.published = true;
            p.lastNanos = now;
        }
        scheduler.execute(() -> publish(notice));
    }

    private void flush(String email) {
        Optional<WatchNotice> due;
        synchronized (this) {
            Pacing p = pacing.get(email);
            due = p.pending;
            p.pending = Optional.empty();
            p.lastNanos = System.nanoTime();
        }
        due.ifPresent(this::publish);
    }

    private void publish(WatchNotice notice) {
        PublishedNotification message = new PublishedNotification(Long.toString(messageIds.getAndAdd(1 + (System.nanoTime() & 0xff))),
                notice.emailAddress(), notice.historyId(), notice.topic(), clock.now());
        List<SandboxPushSubscription> pushTo;
        List<PullQueue> queueIn;
        synchronized (this) {
            pushTo = pushes.values().stream().filter(s -> s.topic().equals(notice.topic())).toList();
            queueIn = pulls.values().stream().filter(q -> q.topic().equals(notice.topic())).toList();
        }
        queueIn.forEach(q -> q.add(message));
        pushTo.forEach(s -> sender.deliver(s, message));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
