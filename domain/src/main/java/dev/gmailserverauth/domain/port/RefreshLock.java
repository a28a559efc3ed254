package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.UserId;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Driven port for serializing token refreshes of one user across application instances.
 *
 * <p>Within one process the use case already lets concurrent callers share one refresh. When several
 * instances share one database, only this lock stops two of them from refreshing the same user at
 * once. Single-instance stores implement it with a lock in memory.
 */
public interface RefreshLock {

    /**
     * Runs {@code action} while holding the user's refresh lock.
     *
     * @throws dev.gmailserverauth.domain.error.LockTimeoutException when the lock is not had within {@code timeout}
     */
    <T> T callExclusively(UserId userId, Duration timeout, Supplier<T> action);
}
