package dev.gmailserverauth.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Starts independent parts of the application on their own threads and waits for all of them, so
 * that a part that failed never leaves another half-started and unclosed: the caller takes every
 * result that did start (to close it) before rethrowing the first failure.
 */
final class ParallelStart {
    private final List<CompletableFuture<?>> running = new ArrayList<>();

    /** One part being started; its result is there once {@link #awaitAll()} returned. */
    static final class Part<T> {
        private final CompletableFuture<T> future;

        private Part(CompletableFuture<T> future) {
            this.future = future;
        }

        /** Waits for this part alone, for a part that needs it; its failure is rethrown as it is. */
        T await() {
            try {
                return future.join();
            } catch (CompletionException e) {
                throw rethrowable(e);
            }
        }

        /** The started part, or empty when it failed. */
        Optional<T> result() {
            return future.isDone() && !future.isCompletedExceptionally() ? Optional.of(future.join()) : Optional.empty();
        }
    }

    <T> Part<T> start(String name, Supplier<T> part) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(part, runnable -> {
            Thread thread = new Thread(runnable, "start-" + name);
            thread.setDaemon(true);
            thread.start();
        });
        running.add(future);
        return new Part<>(future);
    }

    /** Waits until every part has started or failed. */
    void awaitAll() {
        for (CompletableFuture<?> future : running) {
            try {
                future.join();
            } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
                // collected by rethrowFirstFailure, once the successful parts are taken care of
            }
        }
    }

    void rethrowFirstFailure() {
        for (CompletableFuture<?> future : running) {
            if (!future.isCompletedExceptionally()) continue;
            try {
                future.join();
            } catch (CompletionException e) {
                throw rethrowable(e);
            }
        }
    }

    /** What failed inside the part, unwrapped. */
    private static RuntimeException rethrowable(CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) return cause;
        if (e.getCause() instanceof Error error) throw error;
        return e;
    }
}
