package dev.gmailserverauth.domain.webhook;

import dev.gmailserverauth.domain.event.EventId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Driven port for the queue of deliveries (filled by {@link dev.gmailserverauth.domain.event.EventOutbox#append}).
 * Per endpoint and account, only the pending delivery with the lowest sequence is ever due, so receivers get an
 * account's events in order.
 */
public interface WebhookDeliveries {

    /**
     * Up to {@code limit} deliveries due at {@code now} to enabled endpoints, each leased to the caller for {@code lease}:
     * no other caller (on any instance) gets it until the lease ends or its attempt is recorded.
     */
    List<WebhookDelivery> claimDue(Instant now, Duration lease, int limit);

    /** The receiver answered 2xx. Clears the endpoint's failing-since. */
    void succeeded(long deliveryId, Instant at, int status);

    /** The attempt failed; tried again at {@code retryAt}. Returns since when the endpoint has been failing. */
    Instant failed(long deliveryId, Instant at, String error, Instant retryAt);

    /** The latest deliveries, newest first; {@code failingOnly}: those tried and not delivered. */
    List<WebhookDelivery> latest(boolean failingOnly, int limit);

    /** Queues the event again for every enabled endpoint that takes its type, due at {@code now}; returns how many. */
    int replay(EventId event, Instant now);

    /** {@link #replay} for every event that occurred at or after {@code since}. */
    int replaySince(Instant since, Instant now);
}
