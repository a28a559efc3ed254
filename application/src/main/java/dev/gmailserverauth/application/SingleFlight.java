package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One renewal of a person's access token at a time, everywhere: callers in this process share the one running
 * (their {@code inFlight} map), and the {@link RefreshLock} keeps other instances out, so whoever gets the lock
 * second re-reads the store and finds the new token. Used by the consent grant's refresh and by delegation's mint.
 */
final class SingleFlight {
    private SingleFlight() {
    }

    static <V> V run(ConcurrentMap<UserId, CompletableFuture<V>> inFlight, UserId user, RefreshLock lock, Duration lockTimeout,
            Supplier<V> underLock) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(user, mine);
        if (running != null) return await(running);
        try {
            V outcome = lock.callExclusively(user, lockTimeout, underLock);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(user, mine);
        }
    }

    private static <V> V await(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
