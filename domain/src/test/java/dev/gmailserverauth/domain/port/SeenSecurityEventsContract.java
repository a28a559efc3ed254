package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.SecurityEventId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link SeenSecurityEvents} must do. */
public abstract class SeenSecurityEventsContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** A store with nothing seen yet. */
    protected abstract SeenSecurityEvents store();

    private static SecurityEventId newId() {
        return new SecurityEventId(UUID.randomUUID().toString());
    }

    @Test
    void anIdIsNewTheFirstTimeOnly() {
        SeenSecurityEvents store = store();
        SecurityEventId id = newId();
        assertThat(store.firstSighting(id, NOW)).isTrue();
        assertThat(store.firstSighting(id, NOW.plusSeconds(5))).isFalse();
        assertThat(store.firstSighting(newId(), NOW)).isTrue();
    }

    @Test
    void aForgottenIdIsNewAgain() {
        SeenSecurityEvents store = store();
        SecurityEventId id = newId();
        SecurityEventId other = newId();
        store.firstSighting(id, NOW);
        store.firstSighting(other, NOW);
        store.forget(id);
        assertThat(store.firstSighting(id, NOW)).isTrue();
        assertThat(store.firstSighting(other, NOW)).isFalse();
    }

    @Test
    void purgeForgetsOnlyIdsReceivedBeforeTheCutOff() {
        SeenSecurityEvents store = store();
        SecurityEventId old = newId();
        SecurityEventId recent = newId();
        store.firstSighting(old, NOW.minus(SeenSecurityEvents.RETENTION).minusSeconds(1));
        store.firstSighting(recent, NOW);
        assertThat(store.purgeReceivedBefore(NOW.minus(SeenSecurityEvents.RETENTION))).isEqualTo(1);
        assertThat(store.firstSighting(recent, NOW)).isFalse();
        assertThat(store.firstSighting(old, NOW)).isTrue();
    }

    @Test
    void twentyConcurrentReceiversOfOneIdHaveExactlyOneFirst() throws Exception {
        SeenSecurityEvents store = store();
        SecurityEventId id = newId();
        int callers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.firstSighting(id, NOW);
                }));
            }
            start.countDown();
            int firsts = 0;
            for (Future<Boolean> result : results) {
                if (result.get()) firsts++;
            }
            assertThat(firsts).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
