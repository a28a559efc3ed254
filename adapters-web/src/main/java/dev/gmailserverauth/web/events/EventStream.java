package dev.gmailserverauth.web.events;

import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One open {@code /api/events} stream: whose it is, which accounts it tells of, and the writes waiting for its client.
 * Writes are queued by the instance's reader and written by one short task at a time on the server's thread pool, so
 * no thread waits on a stream and one slow client holds up no other. A client slower than {@code queueLimit} events
 * is closed: it resumes from the outbox with {@code Last-Event-ID}.
 */
final class EventStream {
    /** Positions written lately, so an event read twice (a resumption overlapping the live feed) is written once. */
    private static final int REMEMBERED = 4096;

    private final PersonId person;
    private final SessionToken session;
    private final boolean allAccounts;
    private final int queueLimit;
    private final Set<UserId> accounts;
    private final ArrayDeque<Consumer<SseClient>> queue = new ArrayDeque<>();
    private final List<AccountEvent> held = new ArrayList<>();
    private final LinkedHashSet<Long> written = new LinkedHashSet<>();
    private Optional<SseClient> client = Optional.empty();
    private boolean draining;
    private boolean replaying = true;
    private boolean closing;
    private long skipThrough;
    private long lastWriteNanos = System.nanoTime();

    EventStream(PersonId person, SessionToken session, Set<UserId> accounts, boolean allAccounts, int queueLimit) {
        this.person = Objects.requireNonNull(person);
        this.session = Objects.requireNonNull(session);
        this.accounts = new HashSet<>(accounts);
        this.allAccounts = allAccounts;
        this.queueLimit = queueLimit;
    }

    PersonId person() {
        return person;
    }

    SessionToken session() {
        return session;
    }

    boolean allAccounts() {
        return allAccounts;
    }

    synchronized boolean wants(AccountEvent event) {
        return !closing && event.position() > skipThrough && accounts.contains(event.account());
    }

    synchronized Set<UserId> accounts() {
        return Set.copyOf(accounts);
    }

    /** Stops telling of {@code account}; answers whether any account is left. */
    synchronized boolean drop(UserId account) {
        accounts.remove(account);
        return !accounts.isEmpty();
    }

    /** Keeps only the accounts still linked to the person; answers whether any is left. */
    synchronized boolean retain(Set<UserId> linked) {
        accounts.retainAll(linked);
        return !accounts.isEmpty();
    }

    synchronized void attach(SseClient attached) {
        client = Optional.of(attached);
    }

    /** A stream that asked for no history tells nothing at or before {@code position} (the outbox's newest when it opened). */
    synchronized void skipThrough(long position) {
        skipThrough = position;
    }

    /** A live event: written after any resumption under way, once. */
    void offer(AccountEvent event, Executor pool) {
        boolean start;
        synchronized (this) {
            if (closing) return;
            if (replaying) {
                if (held.size() >= queueLimit) {
                    overflow();
                } else {
                    held.add(event);
                }
                return;
            }
            enqueue(event);
            start = startDrain();
        }
        if (start) pool.execute(this::drain);
    }

    /** An event read for a resumption ({@code Last-Event-ID}); answers false once the queue is full. */
    synchronized boolean replay(AccountEvent event) {
        if (closing || queue.size() >= queueLimit) return false;
        enqueue(event);
        return !closing;
    }

    /** The resumption is read: the live events held meanwhile follow, and writing starts. */
    void replayed(Executor pool) {
        boolean start;
        synchronized (this) {
            replaying = false;
            held.forEach(this::enqueue);
            held.clear();
            start = !queue.isEmpty() && startDrain();
        }
        if (start) pool.execute(this::drain);
    }

    /** A comment when nothing was written for {@code idleNanos}, so that proxies keep the stream and a gone client is noticed. */
    void keepAlive(long idleNanos, Executor pool) {
        boolean start;
        synchronized (this) {
            if (closing || replaying || draining || System.nanoTime() - lastWriteNanos < idleNanos) return;
            queue.add(sse -> sse.sendComment("keep-alive"));
            start = startDrain();
        }
        if (start) pool.execute(this::drain);
    }

    /** Tells the client why with a {@code stream.closed} event, after what is queued, then ends the response. */
    void close(String reason, Executor pool) {
        boolean start;
        synchronized (this) {
            if (closing) return;
            queue.add(closing(reason));
            closing = true;
            start = startDrain();
        }
        if (start) pool.execute(this::drain);
    }

    /** Ends the response at once (the server is stopping). */
    void closeNow() {
        SseClient attached;
        synchronized (this) {
            closing = true;
            queue.clear();
            attached = client.orElse(null);
        }
        if (attached != null) attached.close();
    }

    /** The client is slower than the queue: what waits is dropped (the outbox keeps it) and the stream closes. */
    private void overflow() {
        queue.clear();
        held.clear();
        replaying = false;
        queue.add(closing("too_slow"));
        closing = true;
    }

    private static Consumer<SseClient> closing(String reason) {
        return sse -> {
            sse.sendEvent("stream.closed", "{\"reason\":\"" + reason + "\"}");
            sse.close();
        };
    }

    /** Queues an event's write unless it was written already (the caller starts the drain). */
    private void enqueue(AccountEvent event) {
        if (closing || event.position() <= skipThrough || !written.add(event.position())) return;
        if (written.size() > REMEMBERED) written.remove(written.iterator().next());
        if (queue.size() >= queueLimit) {
            overflow();
            return;
        }
        queue.add(sse -> sse.sendEvent(event.type().wireName(), event.body(), Long.toString(event.position())));
    }

    private boolean startDrain() {
        if (draining || replaying || client.isEmpty()) return false;
        draining = true;
        return true;
    }

    private void drain() {
        while (true) {
            Consumer<SseClient> next;
            SseClient sse;
            synchronized (this) {
                next = queue.poll();
                if (next == null || client.isEmpty()) {
                    draining = false;
                    return;
                }
                sse = client.get();
            }
            if (sse.terminated()) {
                synchronized (this) {
                    queue.clear();
                    draining = false;
                }
                return;
            }
            next.accept(sse);
            synchronized (this) {
                lastWriteNanos = System.nanoTime();
            }
        }
    }
}
