package dev.gmailserverauth.application.events;

import dev.gmailserverauth.domain.webhook.EndpointId;
import dev.gmailserverauth.domain.webhook.SigningSecrets;
import dev.gmailserverauth.domain.webhook.WebhookDeliveries;
import dev.gmailserverauth.domain.webhook.WebhookDelivery;
import dev.gmailserverauth.domain.webhook.WebhookEndpoints;
import dev.gmailserverauth.domain.webhook.WebhookSender;
import dev.gmailserverauth.domain.webhook.WebhookSender.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * One round of webhook deliveries, for whatever scheduler runs it: claims the deliveries due (per endpoint and
 * account only the oldest, so order holds), sends them all at once, and records each attempt. A failed one is
 * tried again by {@link WebhookRetryPolicy}, signed afresh but under the same {@code webhook-id}; an endpoint failing
 * for longer than the policy allows is disabled, and the round says so for the operator.
 *
 * <p>At least once: a delivery is recorded only after the receiver's answer, so an instance that dies between
 * the two leaves a lease that runs out, and the event is sent again.
 */
public final class DeliverWebhooks {
    /** Longer than a send can take (its timeouts), so a lease never runs out under a running attempt. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final WebhookRetryPolicy policy;
    private final DoubleSupplier random;

    /** {@code random} gives numbers in [0, 1) for the jitter. */
    public DeliverWebhooks(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender, WebhookRetryPolicy policy,
            DoubleSupplier random) {
        this.deliveries = Objects.requireNonNull(deliveries);
        this.endpoints = Objects.requireNonNull(endpoints);
        this.sender = Objects.requireNonNull(sender);
        this.policy = Objects.requireNonNull(policy);
        this.random = Objects.requireNonNull(random);
    }

    /** What one round did. */
    public record Round(int delivered, int failed, List<Disabled> disabled) {
        public Round {
            disabled = List.copyOf(disabled);
        }

        public int attempted() {
            return delivered + failed;
        }
    }

    /** An endpoint given up on in this round: it had been failing since {@code failingSince}. */
    public record Disabled(EndpointId endpoint, Instant failingSince, String lastError) {
        public Disabled {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(failingSince, "failingSince");
            Objects.requireNonNull(lastError, "lastError");
        }
    }

    /** Sends what is due at {@code now} (one batch) and waits for the answers, each bounded by the sender's timeouts. */
    public Round deliverDue(Instant now) {
        List<WebhookDelivery> due = deliveries.claimDue(now, LEASE, BATCH);
        Map<EndpointId, Optional<SigningSecrets>> secrets = new HashMap<>();
        List<CompletableFuture<Result>> sent = new ArrayList<>();
        for (WebhookDelivery delivery : due) {
            Optional<SigningSecrets> signing = secrets.computeIfAbsent(delivery.endpoint(), id -> endpoints.signingSecrets(id, now));
            // Removed meanwhile: its deliveries went with it.
            signing.ifPresent(keys -> sent.add(sender.send(delivery.url(), delivery.event(), keys)
                    .exceptionally(e -> new Attempt.Failed("the attempt failed: " + e))
                    .thenApply(attempt -> new Result(delivery, attempt))));
        }
        int delivered = 0;
        int failed = 0;
        List<Disabled> disabled = new ArrayList<>();
        for (CompletableFuture<Result> future : sent) {
            Result result = future.join();
            boolean ok = result.attempt().fold(
                    accepted -> {
                        deliveries.succeeded(result.delivery().id(), now, accepted.status());
                        return true;
                    },
                    failure -> {
                        recordFailure(result.delivery(), failure.reason(), now).ifPresent(disabled::add);
                        return false;
                    });
            if (ok) delivered++;
            else failed++;
        }
        return new Round(delivered, failed, disabled);
    }

    private record Result(WebhookDelivery delivery, Attempt attempt) {
    }

    private Optional<Disabled> recordFailure(WebhookDelivery delivery, String reason, Instant now) {
        Instant retryAt = policy.retryAt(delivery.attempts() + 1, now, random.getAsDouble());
        Instant failingSince = deliveries.failed(delivery.id(), now, reason, retryAt);
        if (!policy.givesUp(failingSince, now)) return Optional.empty();
        endpoints.disable(delivery.endpoint(), now, "failing since " + failingSince + "; last: " + reason);
        return Optional.of(new Disabled(delivery.endpoint(), failingSince, reason));
    }
}
