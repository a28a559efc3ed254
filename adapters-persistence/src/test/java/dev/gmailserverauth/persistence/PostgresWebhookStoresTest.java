package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.port.WebhookStoresContract;
import dev.gmailserverauth.domain.webhook.WebhookDeliveries;
import dev.gmailserverauth.domain.webhook.WebhookEndpoints;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresWebhookStoresTest extends WebhookStoresContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected WebhookEndpoints endpoints() {
        return persistence.get().webhookEndpoints();
    }

    @Override
    protected WebhookDeliveries deliveries() {
        return persistence.get().webhookDeliveries();
    }

    @Override
    protected EventOutbox outbox() {
        return persistence.get().events();
    }
}
