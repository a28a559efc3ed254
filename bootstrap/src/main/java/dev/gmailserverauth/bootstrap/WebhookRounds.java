package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.events.DeliverWebhooks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook delivery round as a scheduled job: runs {@link DeliverWebhooks#deliverDue}, counts the attempts
 * ({@code webhook_deliveries_total} by outcome) and tells the operator of every endpoint given up on (a warning, and
 * {@code webhook_endpoints_disabled_total}; {@code webhooks list} shows it). Never throws: a failed round is logged and
 * the next one tries again.
 *
 * <p>The scheduler's {@code webhook-deliveries} job calls {@link #drain}: rounds back to back while they deliver, so an
 * account's queued events (sent one at a time, in order) go out at the receiver's pace, not one per job run.
 */
final class WebhookRounds implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRounds.class);

    private final DeliverWebhooks deliver;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    private final Counter disabled;

    WebhookRounds(DeliverWebhooks deliver, Clock clock, MeterRegistry registry) {
        this.deliver = Objects.requireNonNull(deliver);
        this.clock = Objects.requireNonNull(clock);
        this.delivered = Counter.builder("webhook_deliveries").tag("outcome", "delivered").description("webhook attempts by outcome").register(registry);
        this.failed = Counter.builder("webhook_deliveries").tag("outcome", "failed").description("webhook attempts by outcome").register(registry);
        this.disabled = Counter.builder("webhook_endpoints_disabled").description("webhook endpoints disabled after failing too long")
                .register(registry);
    }

    /** Rounds until one delivers nothing (what is left waits for its retry) or {@code budget} is spent. */
    void drain(Duration budget) {
        Instant until = clock.instant().plus(budget);
        int delivered;
        do {
            delivered = round();
        } while (delivered > 0 && clock.instant().isBefore(until));
    }

    @Override
    public void run() {
        round();
    }

    /** One round; answers how many deliveries it delivered. */
    private int round() {
        try {
            DeliverWebhooks.Round round = deliver.deliverDue(clock.instant());
            delivered.increment(round.delivered());
            failed.increment(round.failed());
            for (DeliverWebhooks.Disabled endpoint : round.disabled()) {
                disabled.increment();
                LOG.warn("webhook endpoint {} disabled: failing since {} (last: {}); its deliveries wait; `webhooks enable {}` resumes them",
                        endpoint.endpoint().value(), endpoint.failingSince(), endpoint.lastError(), endpoint.endpoint().value());
            }
            return round.delivered();
        } catch (RuntimeException e) {
            LOG.warn("a webhook delivery round failed; the next one tries again", e);
            return 0;
        }
    }
}
