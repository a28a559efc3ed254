package dev.gmailserverauth.bootstrap;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fires {@code count} GETs at once (released together), spread round-robin over the targets; returns the statuses. */
public final class ConcurrentRequests {
    private ConcurrentRequests() {
    }

    public static List<Integer> fire(ApiClient api, List<URI> targets, String cookie, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                URI target = targets.get(i % targets.size());
                results.add(pool.submit(() -> {
                    start.await();
                    return api.get(target, cookie).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) statuses.add(result.get());
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
