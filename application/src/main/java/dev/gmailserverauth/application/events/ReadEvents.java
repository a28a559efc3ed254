package dev.gmailserverauth.application.events;

import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventOutbox;
import java.util.List;
import java.util.Objects;

/**
 * Reads the outbox in order of position, for event streams: what was written after a position (a stream's
 * {@code Last-Event-ID}, or the last row an instance handed to its open streams), and where "now" is.
 */
public final class ReadEvents {
    private final EventOutbox outbox;

    public ReadEvents(EventOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Up to {@code limit} events after {@code position}, oldest first; {@code position} 0 reads from the start. */
    public List<AccountEvent> after(long position, int limit) {
        if (position < 0) throw new IllegalArgumentException("position is negative");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        return outbox.after(position, limit);
    }

    /** The position of the newest event: a stream that asks for no history starts after it. */
    public long now() {
        return outbox.lastPosition();
    }
}
