package dev.gmailserverauth.persistence.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.gmailserverauth.domain.error.LockTimeoutException;
import dev.gmailserverauth.domain.error.StorageException;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RefreshLock} across application instances sharing one PostgreSQL database: a session-level
 * advisory lock ({@code pg_try_advisory_lock}) on a 64-bit key derived from the user id, held on one
 * connection while the action runs.
 *
 * <p>Waiting is a poll with back-off that gives the connection back between tries, so waiters hold no
 * connection; holders draw from their own small pool, so a refresh in progress can always reach the
 * credentials through the main pool. If the server loses the connection, it releases the lock itself.
 */
public final class PostgresRefreshLock implements RefreshLock {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRefreshLock.class);
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 50;
    private static final byte[] KEY_LABEL = "gmail-server-auth/refresh-lock/".getBytes(StandardCharsets.US_ASCII);

    private final HikariDataSource lockPool;

    public PostgresRefreshLock(HikariDataSource lockPool) {
        this.lockPool = Objects.requireNonNull(lockPool, "lockPool");
    }

    @Override
    public <T> T callExclusively(UserId userId, Duration timeout, Supplier<T> action) {
        long key = lockKey(userId);
        Connection holder = acquire(userId, key, System.nanoTime() + timeout.toNanos(), timeout);
        try {
            return action.get();
        } finally {
            release(holder, key);
        }
    }

    /** The advisory-lock key: the first 8 bytes of a labelled SHA-256 of the user id. */
    static long lockKey(UserId userId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(KEY_LABEL);
            return ByteBuffer.wrap(sha256.digest(userId.value().getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private Connection acquire(UserId userId, long key, long deadline, Duration timeout) {
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Connection connection = tryLock(key);
            if (connection != null) return connection;
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new LockTimeoutException("the refresh lock of user " + userId.value() + " was not had within "
                        + timeout + ": another instance is refreshing");
            }
            sleep(Math.min(pause, remainingMillis), userId);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    /** The connection now holding the lock, or null when someone else holds it. */
    private Connection tryLock(long key) {
        Connection connection = null;
        try {
            try {
                connection = lockPool.getConnection();
            } catch (SQLTransientConnectionException e) {
                // No cause: every lock connection is busy holding another user's lock; wait as for a held lock.
                if (e.getCause() == null) return null;
                throw e;
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) return connection;
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StorageException("taking a refresh lock failed (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    private void release(Connection connection, long key) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    connection.close();
                    return;
                }
            }
            LOG.warn("refresh lock {} was no longer held at release; discarding its connection", key);
        } catch (SQLException e) {
            LOG.warn("releasing refresh lock {} failed ({}); discarding its connection so the server frees the lock", key, e.getSQLState());
        }
        // A connection that may still hold the lock must never go back to the pool.
        lockPool.evictConnection(connection);
    }

    private static void sleep(long millis, UserId userId) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for the refresh lock of user " + userId.value());
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one worth reporting.
        }
    }
}
