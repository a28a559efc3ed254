package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.error.LockTimeoutException;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link RefreshLock} for the SQLite store: a fair lock per user inside this process.
 *
 * <p>Why not a lock in the database: a SQLite file belongs to one application instance (it is the
 * embedded, single-instance choice; several instances must use PostgreSQL), so every refresh of a user
 * already happens in this JVM and a JVM lock is both sufficient and exact. A database lock would only
 * add a write transaction held across a network call to Google, blocking every other writer meanwhile.
 */
public final class SqliteRefreshLock implements RefreshLock {
    private final Map<UserId, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public <T> T callExclusively(UserId userId, Duration timeout, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(userId, id -> new ReentrantLock(true));
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LockTimeoutException("the refresh lock of user " + userId.value() + " was not had within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for the refresh lock of user " + userId.value());
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
