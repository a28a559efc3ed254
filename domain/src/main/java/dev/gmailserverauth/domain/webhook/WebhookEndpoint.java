package dev.gmailserverauth.domain.webhook;

import dev.gmailserverauth.domain.event.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A receiver of webhooks. {@code events} empty: every type. {@code failingSince}: when its deliveries began to fail
 * (none since the last success); {@code disabled}: why and when deliveries to it stopped.
 */
public record WebhookEndpoint(EndpointId id, URI url, Set<EventType> events, Instant createdAt, Optional<Instant> failingSince,
                              Optional<Disabled> disabled) {
    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(failingSince, "failingSince");
        Objects.requireNonNull(disabled, "disabled");
    }

    /** Deliveries stopped at {@code at} for {@code reason}. */
    public record Disabled(Instant at, String reason) {
        public Disabled {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public boolean accepts(EventType type) {
        return events.isEmpty() || events.contains(type);
    }
}
