package dev.gmailserverauth.domain.event;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.Objects;

/** An event about to be written to the outbox: the outbox gives it its id and its place in the account's sequence. */
public record NewEvent(UserId account, EmailAddress email, Instant occurredAt, EventPayload payload) {
    public NewEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public EventType type() {
        return payload.type();
    }
}
