package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.webhook.NewEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookDeliveries;
import dev.gmailserverauth.domain.webhook.WebhookDelivery;
import dev.gmailserverauth.domain.webhook.WebhookEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookEndpoints;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookEndpoints} and {@link WebhookDeliveries} on one database must do, with its {@link EventOutbox}. */
public abstract class WebhookStoresContract {
    protected static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    protected abstract WebhookEndpoints endpoints();

    protected abstract WebhookDeliveries deliveries();

    protected abstract EventOutbox outbox();

    private static NewEvent event(String user, EventPayload payload) {
        return new NewEvent(new UserId(user), new EmailAddress(user + "@example.com"), NOW, payload);
    }

    private WebhookEndpoint add(String url, Set<EventType> types) {
        return endpoints().add(new NewEndpoint(URI.create(url), types, WebhookSecret.random(), NOW));
    }

    @Test
    void keepsEndpointsAndTheirSecrets() {
        WebhookSecret secret = WebhookSecret.random();
        WebhookEndpoint added = endpoints().add(new NewEndpoint(URI.create("https://receiver.example/hooks"),
                Set.of(EventType.ACCOUNT_CONNECTED), secret, NOW));
        assertThat(endpoints().list()).containsExactly(added);
        assertThat(endpoints().find(added.id())).contains(added);
        assertThat(endpoints().signingSecrets(added.id(), NOW).orElseThrow().all()).containsExactly(secret);
        assertThat(endpoints().remove(added.id())).isTrue();
        assertThat(endpoints().list()).isEmpty();
        assertThat(endpoints().remove(added.id())).isFalse();
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneUntilTheGraceEnds() {
        WebhookSecret first = WebhookSecret.random();
        WebhookEndpoint endpoint = endpoints().add(new NewEndpoint(URI.create("https://receiver.example/"), Set.of(), first, NOW));
        WebhookSecret second = WebhookSecret.random();
        assertThat(endpoints().rotateSecret(endpoint.id(), second, NOW.plus(Duration.ofHours(24)))).isTrue();
        assertThat(endpoints().signingSecrets(endpoint.id(), NOW.plusSeconds(1)).orElseThrow().all()).containsExactly(second, first);
        assertThat(endpoints().signingSecrets(endpoint.id(), NOW.plus(Duration.ofHours(24))).orElseThrow().all()).containsExactly(second);
    }

    @Test
    void anEventIsQueuedForEveryEndpointThatTakesItsType() {
        WebhookEndpoint all = add("https://all.example/", Set.of());
        WebhookEndpoint connections = add("https://connections.example/", Set.of(EventType.ACCOUNT_CONNECTED));
        outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        List<WebhookDelivery> due = deliveries().claimDue(NOW, LEASE, 10);
        assertThat(due).extracting(WebhookDelivery::endpoint).containsExactly(all.id());
        assertThat(connections.accepts(EventType.ACCOUNT_DISCONNECTED)).isFalse();
    }

    @Test
    void onlyTheOldestPendingEventOfAnAccountIsDuePerEndpoint() {
        add("https://receiver.example/", Set.of());
        AccountEvent first = outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        AccountEvent second = outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        AccountEvent bobs = outbox().append(event("bob", new EventPayload.AccountDisconnected()));
        List<WebhookDelivery> due = deliveries().claimDue(NOW, LEASE, 10);
        assertThat(due).extracting(delivery -> delivery.event().id()).containsExactlyInAnyOrder(first.id(), bobs.id());
        // Leased: nobody else gets them meanwhile.
        assertThat(deliveries().claimDue(NOW, LEASE, 10)).isEmpty();
        WebhookDelivery alices = due.stream().filter(delivery -> delivery.event().id().equals(first.id())).findFirst().orElseThrow();
        deliveries().succeeded(alices.id(), NOW, 204);
        assertThat(deliveries().claimDue(NOW, LEASE, 10)).extracting(delivery -> delivery.event().id()).containsExactly(second.id());
    }

    @Test
    void aFailedDeliveryWaitsForItsRetryAndBlocksTheAccountsLaterEvents() {
        WebhookEndpoint endpoint = add("https://receiver.example/", Set.of());
        outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        WebhookDelivery first = deliveries().claimDue(NOW, LEASE, 10).get(0);
        Instant retryAt = NOW.plusSeconds(30);
        assertThat(deliveries().failed(first.id(), NOW, "HTTP 503", retryAt)).isEqualTo(NOW);
        assertThat(deliveries().claimDue(NOW.plusSeconds(29), LEASE, 10)).isEmpty();
        assertThat(endpoints().find(endpoint.id()).orElseThrow().failingSince()).contains(NOW);
        List<WebhookDelivery> retried = deliveries().claimDue(retryAt, LEASE, 10);
        assertThat(retried).extracting(WebhookDelivery::id).containsExactly(first.id());
        assertThat(retried.get(0).attempts()).isEqualTo(1);
        assertThat(retried.get(0).lastError()).contains("HTTP 503");
        assertThat(deliveries().failed(first.id(), retryAt, "timeout", retryAt.plusSeconds(60))).isEqualTo(NOW);
        assertThat(deliveries().latest(true, 10)).extracting(WebhookDelivery::id).containsExactly(first.id());
    }

    @Test
    void concurrentClaimersNeverGetTheSameDelivery() throws Exception {
        add("https://receiver.example/", Set.of());
        for (int i = 0; i < 30; i++) outbox().append(event("user" + i, new EventPayload.AccountDisconnected()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<List<WebhookDelivery>>> claimers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) claimers.add(() -> deliveries().claimDue(NOW, LEASE, 30));
            List<Long> claimed = new java.util.ArrayList<>();
            for (var future : pool.invokeAll(claimers)) future.get().forEach(delivery -> claimed.add(delivery.id()));
            assertThat(claimed).hasSize(30).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredLeaseMakesTheDeliveryDueAgain() {
        add("https://receiver.example/", Set.of());
        outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        assertThat(deliveries().claimDue(NOW, LEASE, 10)).hasSize(1);
        assertThat(deliveries().claimDue(NOW.plus(LEASE), LEASE, 10)).hasSize(1);
    }

    @Test
    void aDisabledEndpointGetsNothingUntilEnabledAndLosesNothing() {
        WebhookEndpoint endpoint = add("https://receiver.example/", Set.of());
        endpoints().disable(endpoint.id(), NOW, "failing for 3 days");
        outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        assertThat(deliveries().claimDue(NOW, LEASE, 10)).isEmpty();
        assertThat(endpoints().find(endpoint.id()).orElseThrow().disabled()).isPresent();
        assertThat(endpoints().enable(endpoint.id())).isTrue();
        assertThat(deliveries().claimDue(NOW, LEASE, 10)).hasSize(1);
    }

    @Test
    void aReplayQueuesADeliveredEventAgainWithTheSameId() {
        add("https://receiver.example/", Set.of());
        AccountEvent event = outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        WebhookDelivery delivery = deliveries().claimDue(NOW, LEASE, 10).get(0);
        deliveries().succeeded(delivery.id(), NOW, 200);
        assertThat(deliveries().claimDue(NOW, LEASE, 10)).isEmpty();
        assertThat(deliveries().replay(event.id(), NOW.plusSeconds(5))).isEqualTo(1);
        assertThat(deliveries().claimDue(NOW.plusSeconds(5), LEASE, 10)).extracting(d -> d.event().id()).containsExactly(event.id());
        assertThat(deliveries().replaySince(NOW.minusSeconds(1), NOW.plusSeconds(10))).isEqualTo(1);
    }

    @Test
    void removingAnEndpointForgetsItsDeliveries() {
        WebhookEndpoint endpoint = add("https://receiver.example/", Set.of());
        outbox().append(event("alice", new EventPayload.AccountDisconnected()));
        assertThat(endpoints().remove(endpoint.id())).isTrue();
        assertThat(deliveries().latest(false, 10)).isEmpty();
    }
}
