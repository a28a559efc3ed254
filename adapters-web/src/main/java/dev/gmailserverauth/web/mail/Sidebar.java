package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.web.http.RequestLog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secondary parts of a page (the label sidebar): they run beside the page's main call and are waited
 * for only a short while after it. Whatever they come to (a failure, an outage, a slow answer, a
 * consent problem), the page is served; the part is simply left out. They never fail the page, and
 * their retries never stretch the page's own time.
 */
final class Sidebar {
    private static final Logger LOG = LoggerFactory.getLogger(Sidebar.class);

    private final ExecutorService executor;
    private final Duration patience;

    Sidebar(ExecutorService executor, Duration patience) {
        this.executor = Objects.requireNonNull(executor);
        this.patience = Objects.requireNonNull(patience);
    }

    /** A part started in the background; {@link #orEmpty} collects it. */
    final class Pending<T> {
        private final Future<MailOutcome<List<T>>> future;

        private Pending(Future<MailOutcome<List<T>>> future) {
            this.future = future;
        }

        /** The part's items, or none when it failed or is not there within the patience. */
        List<T> orEmpty() {
            try {
                MailOutcome<List<T>> outcome = future.get(patience.toMillis(), TimeUnit.MILLISECONDS);
                // whatever else the part came to, the page goes without it
                return outcome.fold(MailOutcome.Success::value, consent -> List.of(), notFound -> List.of(), invalid -> List.of(),
                        limited -> List.of());
            } catch (TimeoutException e) {
                future.cancel(true);
                LOG.info("a secondary part of the page took longer than {} ms; served without it", patience.toMillis());
                return List.of();
            } catch (ExecutionException e) {
                LOG.info("a secondary part of the page failed ({}); served without it", e.getCause().getClass().getSimpleName());
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    /** Starts a part; with every worker busy it is left out at once rather than queued behind others. */
    <T> Pending<T> start(Supplier<MailOutcome<List<T>>> part) {
        try {
            return new Pending<>(executor.submit(RequestLog.withRequestId(part)::get));
        } catch (RejectedExecutionException e) {
            return new Pending<>(CompletableFuture.completedFuture(new MailOutcome.NotFound<>()));
        }
    }

    /** Workers for secondary parts: a few, named, idle ones given back, no queue (a full pool skips the part). */
    static Sidebar withOwnThreads(int threads, Duration patience) {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "web-sidebar-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new Sidebar(pool, patience);
    }
}
