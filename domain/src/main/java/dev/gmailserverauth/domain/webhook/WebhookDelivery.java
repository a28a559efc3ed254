package dev.gmailserverauth.domain.webhook;

import dev.gmailserverauth.domain.event.AccountEvent;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One event queued for one endpoint, and how its attempts went. */
public record WebhookDelivery(long id, EndpointId endpoint, URI url, AccountEvent event, State state, int attempts, Instant nextAttemptAt,
                              Optional<Integer> lastStatus, Optional<String> lastError, Optional<Instant> deliveredAt) {
    public enum State { PENDING, DELIVERED }

    public WebhookDelivery {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastStatus, "lastStatus");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        if (attempts < 0) throw new IllegalArgumentException("attempts is negative");
    }

    /** Tried and not (yet) delivered. */
    public boolean failing() {
        return state == State.PENDING && attempts > 0;
    }
}
