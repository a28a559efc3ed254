package dev.gmailserverauth.application.events;

import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.event.Transactions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Writes a change and the event that tells of it in one transaction, so that a crash can delay an event but never lose
 * one or tell of a change that did not happen. The one call every use case that changes something makes
 * (a grant's life, the sync's index and checkpoint).
 */
public final class EventRecorder {
    private final Transactions transactions;
    private final EventOutbox outbox;

    public EventRecorder(Transactions transactions, EventOutbox outbox) {
        this.transactions = Objects.requireNonNull(transactions);
        this.outbox = Objects.requireNonNull(outbox);
    }

    /** Runs {@code change} and appends {@code event}: both or neither. */
    public <T> T change(Supplier<T> change, NewEvent event) {
        return change(change, List.of(event));
    }

    /**
     * Runs {@code change} and appends every one of {@code events}, in order: all or nothing. How a sync step writes its
     * checkpoint with the message events it found.
     */
    public <T> T change(Supplier<T> change, List<NewEvent> events) {
        return transactions.atomically(() -> {
            T result = change.get();
            events.forEach(outbox::append);
            return result;
        });
    }

    /**
     * Runs {@code change}, a compare-and-set, and appends {@code events} only when it answers true; false: nothing
     * changed and no event is told. How a sync page is applied ({@code index.apply(...)} answers false when another run
     * moved the checkpoint meanwhile).
     */
    public boolean changeIf(BooleanSupplier change, List<NewEvent> events) {
        return transactions.atomically(() -> {
            if (!change.getAsBoolean()) return false;
            events.forEach(outbox::append);
            return true;
        });
    }

    /**
     * Runs {@code change}, which answers the events that tell what it changed (it may read the store inside the
     * transaction to find out), or empty when it changed nothing; appends them in the same transaction. Answers the
     * events appended. How a sync page is applied: a compare-and-set first, then what the index held, then the writes.
     */
    public Optional<List<NewEvent>> changeTelling(Supplier<Optional<List<NewEvent>>> change) {
        return transactions.atomically(() -> {
            Optional<List<NewEvent>> told = change.get();
            told.ifPresent(events -> events.forEach(outbox::append));
            return told;
        });
    }

    /** {@link #change(Supplier, NewEvent)} for a change without a result. */
    public void change(Runnable change, NewEvent event) {
        change(() -> {
            change.run();
            return Boolean.TRUE;
        }, event);
    }

    /** Appends {@code event} unless one was appended under {@code onceKey} before (a notice told once per grant). */
    public void once(NewEvent event, String onceKey) {
        outbox.appendOnce(event, onceKey);
    }
}
