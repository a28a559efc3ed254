package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.webhook.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Webhooks as configured: one endpoint from {@code APP_WEBHOOK_URL} + {@code APP_WEBHOOK_SECRET} (more with the
 * {@code webhooks} commands), {@code APP_WEBHOOK_ALLOW_PRIVATE}, how long an endpoint may fail before it is disabled
 * ({@code APP_WEBHOOK_GIVE_UP_AFTER}) and how often due deliveries are looked for ({@code APP_WEBHOOK_POLL_INTERVAL}).
 */
record WebhookConfig(Optional<URI> url, Optional<WebhookSecret> secret, boolean allowPrivate, Duration giveUpAfter, Duration pollInterval) {
    static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofDays(3);
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    /** How long a receiver may take to connect, and to answer. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    WebhookConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    @Override
    public String toString() {
        return "WebhookConfig[url=" + url + ", secret=" + secret.map(s -> "***").orElse("none") + ", allowPrivate=" + allowPrivate
                + ", giveUpAfter=" + giveUpAfter + ", pollInterval=" + pollInterval + "]";
    }
}
