package dev.gmailserverauth.web.events;

import dev.gmailserverauth.application.ResolveSession;
import dev.gmailserverauth.application.SignedIn;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's open event streams and the one reader that feeds them. Every {@code pollInterval} the reader reads
 * the outbox after the last row it saw (the outbox is in the shared database, so events written by any instance
 * arrive), hands each new row to the streams that tell of its account, writes keep-alive comments to idle streams and
 * checks sessions again now and then. It runs on the Jetty server's own scheduler and thread pool, one run at a time:
 * no thread of its own and none per stream (docs/decisions/0059). A Jetty bean: it starts and stops with the server,
 * and a graceful stop closes the streams at once instead of waiting for them.
 */
public final class EventStreams extends AbstractLifeCycle implements Graceful {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
    private static final int BATCH = 500;
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final EventsWeb web;
    private final ResolveSession sessions;
    private final Set<EventStream> open = new LinkedHashSet<>();
    private final Map<PersonId, Integer> perPerson = new HashMap<>();
    private Optional<OutboxCursor> cursor = Optional.empty();
    private Optional<Server> server = Optional.empty();
    private Instant lastRevalidation = Instant.EPOCH;
    private volatile boolean stopping;

    public EventStreams(EventsWeb web, ResolveSession sessions) {
        this.web = Objects.requireNonNull(web, "web");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** Joins {@code jetty}'s life: started, stopped and shut down with it; runs on its scheduler and thread pool. */
    public void attach(Server jetty) {
        server = Optional.of(jetty);
        jetty.addBean(this, true);
    }

    @Override
    protected void doStart() {
        stopping = false;
        lastRevalidation = web.clock().instant();
        startCursor();
        schedule(0);
    }

    @Override
    protected void doStop() {
        closeAll();
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        closeAll();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return stopping;
    }

    /** How many streams are open on this instance. */
    public synchronized int openStreams() {
        return open.size();
    }

    /**
     * Reserves a place for one more stream of {@code person}, or says why not. The stream tells of nothing at or before
     * {@code resumeAfter}, or, without it, of events written from now on ("now" is read here, before the response starts).
     */
    StreamAdmission admit(PersonId person, SessionToken session, Set<UserId> accounts, boolean allAccounts, Optional<Long> resumeAfter) {
        long now;
        try {
            now = resumeAfter.isPresent() ? resumeAfter.get() : web.read().now();
        } catch (RuntimeException e) {
            LOG.warn("event streams: the outbox cannot be read ({})", e.getClass().getSimpleName());
            return new StreamAdmission.Refused(503, "unavailable", "the event outbox cannot be read at the moment; try again shortly");
        }
        StreamAdmission admission = reserve(person, session, accounts, allAccounts);
        admission.<Void>fold(admitted -> {
            admitted.stream().skipThrough(now);
            return null;
        }, refused -> null);
        return admission;
    }

    private synchronized StreamAdmission reserve(PersonId person, SessionToken session, Set<UserId> accounts, boolean allAccounts) {
        StreamLimits limits = web.limits();
        if (stopping) return new StreamAdmission.Refused(503, "unavailable", "the server is stopping; connect to another instance");
        if (cursor.isEmpty()) return new StreamAdmission.Refused(503, "unavailable", "the event outbox cannot be read at the moment; try again shortly");
        if (open.size() >= limits.perInstance()) {
            return new StreamAdmission.Refused(503, "unavailable", "this instance holds its " + limits.perInstance() + " event streams; try again later");
        }
        if (perPerson.getOrDefault(person, 0) >= limits.perPerson()) {
            return new StreamAdmission.Refused(429, "too_many_requests", "you already hold " + limits.perPerson()
                    + " event streams open (one per browser tab or client); close one first");
        }
        EventStream stream = new EventStream(person, session, accounts, allAccounts, limits.queueLimit());
        open.add(stream);
        perPerson.merge(person, 1, Integer::sum);
        return new StreamAdmission.Admitted(stream);
    }

    /**
     * Starts writing to an admitted stream: first what the outbox holds after {@code resumeAfter} (the client's
     * {@code Last-Event-ID}) for its accounts, then live events. A resumption longer than the stream's queue is
     * written in parts: the stream closes after the first and the client, resuming again, reads on.
     */
    void start(EventStream stream, SseClient client, Optional<Long> resumeAfter) {
        client.onClose(() -> forget(stream));
        stream.attach(client);
        long upTo;
        synchronized (this) {
            upTo = cursor.map(OutboxCursor::highest).orElse(0L);
        }
        boolean whole = resumeAfter.map(after -> replay(stream, after, upTo)).orElse(true);
        stream.replayed(pool());
        if (!whole) stream.close("resume", pool());
        if (stopping) stream.closeNow();
    }

    /** Frees the place of a stream that never started (its request failed before). */
    void abandon(EventStream stream) {
        forget(stream);
    }

    /** Closes every stream of this session on this instance (it signed out or was replaced). */
    public void sessionEnded(SessionToken session) {
        List<EventStream> closing;
        synchronized (this) {
            closing = open.stream().filter(stream -> stream.session().equals(session)).toList();
        }
        closing.forEach(stream -> stream.close("signed_out", pool()));
    }

    private boolean replay(EventStream stream, long after, long upTo) {
        long position = after;
        while (position < upTo) {
            List<AccountEvent> page = web.read().after(position, BATCH);
            if (page.isEmpty()) return true;
            for (AccountEvent event : page) {
                if (event.position() > upTo) return true;
                if (stream.wants(event) && !stream.replay(event)) return false;
                position = event.position();
            }
        }
        return true;
    }

    private synchronized void forget(EventStream stream) {
        if (open.remove(stream)) perPerson.computeIfPresent(stream.person(), (person, count) -> count > 1 ? count - 1 : null);
    }

    private void closeAll() {
        stopping = true;
        List<EventStream> all;
        synchronized (this) {
            all = List.copyOf(open);
        }
        all.forEach(EventStream::closeNow);
    }

    private void startCursor() {
        try {
            long now = web.read().now();
            synchronized (this) {
                cursor = Optional.of(new OutboxCursor(now, web.limits().gapGrace()));
            }
        } catch (RuntimeException e) {
            LOG.warn("event streams: the outbox cannot be read ({}); streams are refused until it can", e.getClass().getSimpleName());
        }
    }

    /** One run of the reader: new rows to the streams, keep-alives, sessions checked when due. */
    private void run() {
        if (stopping) return;
        try {
            if (cursor.isEmpty()) startCursor();
            feed();
            keepAlive();
            revalidateWhenDue();
        } catch (RuntimeException e) {
            LOG.warn("event streams: a read of the outbox failed ({}); trying again in {}", e.getClass().getSimpleName(), web.limits().pollInterval());
        } finally {
            schedule(web.limits().pollInterval().toMillis());
        }
    }

    private void feed() {
        Optional<OutboxCursor> reading;
        long highest;
        long floor;
        synchronized (this) {
            reading = cursor;
            highest = reading.map(OutboxCursor::highest).orElse(0L);
            floor = reading.map(OutboxCursor::floor).orElse(0L);
        }
        if (reading.isEmpty()) return;
        List<AccountEvent> read = new ArrayList<>();
        if (floor < highest) {
            web.read().after(floor, BATCH).stream().filter(event -> event.position() <= highest).forEach(read::add);
        }
        long after = highest;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<AccountEvent> page = web.read().after(after, BATCH);
            read.addAll(page);
            if (page.size() < BATCH) break;
            after = page.get(page.size() - 1).position();
        }
        List<EventStream> streams;
        List<AccountEvent> fresh;
        synchronized (this) {
            fresh = reading.get().accept(read, web.clock().instant());
            streams = List.copyOf(open);
        }
        for (AccountEvent event : fresh) {
            for (EventStream stream : streams) deliver(stream, event);
        }
    }

    /** Writes the event; a grant's end also ends the stream's interest in that account, and the stream when none is left. */
    private void deliver(EventStream stream, AccountEvent event) {
        if (!stream.wants(event)) return;
        stream.offer(event, pool());
        boolean grantEnded = event.type() == EventType.ACCOUNT_REAUTHORIZATION_REQUIRED || event.type() == EventType.ACCOUNT_DISCONNECTED;
        if (grantEnded && !stream.drop(event.account())) stream.close("grant_ended", pool());
    }

    private void keepAlive() {
        List<EventStream> streams;
        synchronized (this) {
            streams = List.copyOf(open);
        }
        long idle = web.limits().keepAlive().toNanos();
        streams.forEach(stream -> stream.keepAlive(idle, pool()));
    }

    /** Sessions ended on another instance, or expired, close their streams; accounts unlinked meanwhile leave them. */
    private void revalidateWhenDue() {
        Instant now = web.clock().instant();
        if (now.isBefore(lastRevalidation.plus(web.limits().revalidate()))) return;
        lastRevalidation = now;
        Map<SessionToken, List<EventStream>> bySession;
        synchronized (this) {
            bySession = open.stream().collect(Collectors.groupingBy(EventStream::session));
        }
        bySession.forEach((session, streams) -> {
            Optional<SignedIn> person = sessions.resolve(session);
            Set<UserId> linked = person.map(p -> p.accounts().stream().map(LinkedAccount::account).collect(Collectors.toSet())).orElse(Set.of());
            for (EventStream stream : streams) {
                if (person.isEmpty()) {
                    stream.close("signed_out", pool());
                } else if (!stream.retain(linked)) {
                    stream.close("grant_ended", pool());
                }
            }
        });
    }

    private void schedule(long delayMillis) {
        if (stopping || server.isEmpty()) return;
        Scheduler scheduler = server.get().getScheduler();
        scheduler.schedule(() -> {
            try {
                pool().execute(this::run);
            } catch (RejectedExecutionException e) {
                LOG.debug("event streams: the server's thread pool is stopping");
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private Executor pool() {
        return server.<Executor>map(Server::getThreadPool).orElse(Runnable::run);
    }
}
