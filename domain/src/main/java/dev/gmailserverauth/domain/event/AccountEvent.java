package dev.gmailserverauth.domain.event;

import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as the outbox holds it. {@code sequence} counts the account's events from 1 without gaps, so a receiver
 * orders and deduplicates; {@code position} orders all events of all accounts (resumption of a stream); {@code body}
 * is the JSON document sent, exactly, on every delivery ({@code {"type", "timestamp", "data"}}).
 */
public record AccountEvent(EventId id, EventType type, UserId account, long sequence, Instant occurredAt, long position, String body) {
    public AccountEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(body, "body");
        if (sequence < 1) throw new IllegalArgumentException("sequence starts at 1");
        if (position < 1) throw new IllegalArgumentException("position starts at 1");
    }
}
