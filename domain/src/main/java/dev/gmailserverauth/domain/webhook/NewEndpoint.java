package dev.gmailserverauth.domain.webhook;

import dev.gmailserverauth.domain.event.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** An endpoint to add: where, which event types (empty: all), its secret. */
public record NewEndpoint(URI url, Set<EventType> events, WebhookSecret secret, Instant createdAt) {
    public NewEndpoint {
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
