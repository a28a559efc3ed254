package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A verified security event token (RFC 8417): its id ({@code jti}), when it was issued, and its events. */
public record SecurityEventToken(SecurityEventId id, Instant issuedAt, List<SecurityEvent> events) {
    public SecurityEventToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        if (events.isEmpty()) throw new IllegalArgumentException("a security event token carries at least one event");
    }
}
