package dev.gmailserverauth.web.http;

import java.time.Duration;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The request threads: bounded, named {@code web-…}, and given back soon after a burst. Jetty's
 * default pool lets go of one idle thread per idle period, so after a load peak it would keep a
 * hundred idle threads for over an hour.
 */
public final class WebThreads {
    static final int MAX_THREADS = 128;
    static final int MIN_THREADS = 8;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

    private WebThreads() {
    }

    public static QueuedThreadPool pool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, (int) IDLE_TIMEOUT.toMillis());
        pool.setName("web");
        pool.setMaxEvictCount(MAX_THREADS);
        return pool;
    }
}
