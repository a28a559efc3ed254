package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.error.LockTimeoutException;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshLock} must do. Adapters that span instances add their own cross-instance test. */
public abstract class RefreshLockContract {

    protected abstract RefreshLock lock();

    @Test
    void returnsWhatTheActionReturns() {
        assertThat(lock().callExclusively(new UserId("1"), Duration.ofSeconds(1), () -> "done")).isEqualTo("done");
    }

    @Test
    void neverRunsTwoActionsForOneUserAtOnce() throws Exception {
        RefreshLock lock = lock();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return lock.callExclusively(new UserId("1"), Duration.ofSeconds(10), () -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        sleep(20); // the action takes a while, as a refresh at Google does: the window a broken lock would let a second action into
                        inside.decrementAndGet();
                        return null;
                    });
                }));
            }
            start.countDown();
            for (Future<?> result : results) result.get();
            assertThat(mostInside.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givesUpAfterTheTimeoutWhileAnotherHoldsTheLock() throws Exception {
        RefreshLock lock = lock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = pool.submit(() -> lock.callExclusively(new UserId("1"), Duration.ofSeconds(5), () -> {
                held.countDown();
                await(release);
                return null;
            }));
            held.await();
            assertThatThrownBy(() -> lock.callExclusively(new UserId("1"), Duration.ofMillis(100), () -> "never"))
                    .isInstanceOf(LockTimeoutException.class);
            assertThat(lock.callExclusively(new UserId("2"), Duration.ofMillis(500), () -> "other user")).isEqualTo("other user");
            release.countDown();
            holder.get();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
