package dev.gmailserverauth.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port for recording what happened to an account, to be told to other systems (webhooks, event streams).
 *
 * <p>{@link #append} joins the transaction of {@link Transactions#atomically} when called inside it: the event is
 * written if and only if the change that caused it is. Outside one it is a transaction of its own.
 */
public interface EventOutbox {

    /** Writes the event with a new id and the account's next sequence number; queues it for every matching endpoint. */
    AccountEvent append(NewEvent event);

    /**
     * {@link #append}, unless an event was already appended under {@code onceKey} (by any instance): then nothing is
     * written and the answer is empty. How an event is told once per grant.
     */
    Optional<AccountEvent> appendOnce(NewEvent event, String onceKey);

    /** The event with this id, if the outbox still holds it. */
    Optional<AccountEvent> find(EventId id);

    /** Up to {@code limit} events after {@code position}, oldest first. */
    List<AccountEvent> after(long position, int limit);

    /** Up to {@code limit} events that occurred at or after {@code since}, oldest first. */
    List<AccountEvent> since(Instant since, int limit);

    /** The highest position written so far, 0 when the outbox is empty: where a stream that wants only new events starts. */
    long lastPosition();
}
