package dev.gmailserverauth.domain.event;

import java.util.function.Supplier;

/**
 * Driven port for making several writes one: every store call {@code work} makes commits with it or not at all.
 * How a change and its {@link EventOutbox} event share a transaction. Calls nest: an inner call joins the outer one.
 */
public interface Transactions {

    /** Runs {@code work}; if it throws, nothing it wrote stays and the exception propagates. */
    <T> T atomically(Supplier<T> work);

    /** {@link #atomically(Supplier)} for work without a result. */
    default void atomically(Runnable work) {
        atomically(() -> {
            work.run();
            return Boolean.TRUE;
        });
    }
}
