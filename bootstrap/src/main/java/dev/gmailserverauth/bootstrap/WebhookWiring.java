package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.events.DeliverWebhooks;
import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.application.events.WebhookRetryPolicy;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.webhook.NewEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookEndpoints;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.webhooks.HttpWebhookSender;
import dev.gmailserverauth.webhooks.ReceiverAddresses;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events and webhooks, wired: the {@link EventRecorder} the use cases write their events with, the configured
 * endpoint ({@code APP_WEBHOOK_URL}), and the delivery rounds. The rounds run on the database-backed job scheduler the
 * sync uses ({@link SyncWiring}: its {@code webhook-deliveries} job, every {@code APP_WEBHOOK_POLL_INTERVAL}), on
 * whichever instance picks the job; they hold no state and lease what they send.
 */
final class WebhookWiring {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWiring.class);
    /** A rotated secret keeps signing this long beside the new one, so receivers can switch without losing a delivery. */
    static final Duration ROTATION_GRACE = Duration.ofHours(24);

    private WebhookWiring() {
    }

    /** How use cases write a change and its event in one transaction. */
    static EventRecorder recorder(Database persistence) {
        return new EventRecorder(persistence.transactions(), persistence.events());
    }

    static ReceiverAddresses addresses(WebhookConfig config) {
        return new ReceiverAddresses(config.allowPrivate());
    }

    /** One delivery round, ready to run on any scheduler. */
    static WebhookRounds rounds(WebhookConfig config, Database persistence, Clock clock, MeterRegistry registry) {
        HttpWebhookSender sender = new HttpWebhookSender(addresses(config), WebhookConfig.CONNECT_TIMEOUT, WebhookConfig.RESPONSE_TIMEOUT, clock);
        DeliverWebhooks deliver = new DeliverWebhooks(persistence.webhookDeliveries(), persistence.webhookEndpoints(), sender,
                WebhookRetryPolicy.DEFAULT.givingUpAfter(config.giveUpAfter()), () -> ThreadLocalRandom.current().nextDouble());
        return new WebhookRounds(deliver, clock, registry);
    }

    /** Adds {@code APP_WEBHOOK_URL}'s endpoint, or gives it {@code APP_WEBHOOK_SECRET} if it has another. */
    static void ensureConfiguredEndpoint(WebhookConfig config, WebhookEndpoints endpoints, Clock clock) {
        if (config.url().isEmpty() || config.secret().isEmpty()) return;
        Optional<WebhookEndpoint> existing = endpoints.list().stream().filter(endpoint -> endpoint.url().equals(config.url().get())).findFirst();
        if (existing.isEmpty()) {
            WebhookEndpoint added = endpoints.add(new NewEndpoint(config.url().get(), Set.<EventType>of(), config.secret().get(), clock.instant()));
            LOG.info("webhook endpoint {} added for APP_WEBHOOK_URL {}", added.id().value(), added.url());
            return;
        }
        boolean sameSecret = endpoints.signingSecrets(existing.get().id(), clock.instant())
                .map(secrets -> secrets.current().equals(config.secret().get())).orElse(true);
        if (!sameSecret) {
            endpoints.rotateSecret(existing.get().id(), config.secret().get(), clock.instant().plus(ROTATION_GRACE));
            LOG.info("webhook endpoint {} signs with the new APP_WEBHOOK_SECRET, and with the previous one for {}", existing.get().id().value(),
                    ROTATION_GRACE);
        }
    }
}
