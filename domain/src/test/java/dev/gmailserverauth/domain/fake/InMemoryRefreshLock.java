package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.error.LockTimeoutException;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A {@link RefreshLock} for one process: a fair lock per user. */
public final class InMemoryRefreshLock implements RefreshLock {
    private final Map<UserId, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public <T> T callExclusively(UserId userId, Duration timeout, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(userId, id -> new ReentrantLock(true));
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LockTimeoutException("refresh lock of a user not had within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for a refresh lock");
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
