package dev.gmailserverauth.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port for keeping the receivers of webhooks and their secrets (sealed at rest). */
public interface WebhookEndpoints {

    WebhookEndpoint add(NewEndpoint endpoint);

    List<WebhookEndpoint> list();

    Optional<WebhookEndpoint> find(EndpointId id);

    /** Forgets the endpoint and its deliveries; true when there was one. */
    boolean remove(EndpointId id);

    /** The secrets that sign a delivery made at {@code now}; empty when the endpoint is unknown. */
    Optional<SigningSecrets> signingSecrets(EndpointId id, Instant now);

    /** Signs with {@code next} from now on, and with the current secret too until {@code previousSignsUntil}. */
    boolean rotateSecret(EndpointId id, WebhookSecret next, Instant previousSignsUntil);

    /** Stops deliveries to the endpoint; they stay queued. */
    void disable(EndpointId id, Instant at, String reason);

    /** Resumes deliveries, from the oldest queued; true when the endpoint was disabled. */
    boolean enable(EndpointId id);
}
