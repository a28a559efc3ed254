package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.webhook.WebhookEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.persistence.FreshDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery rounds end to end on a test clock: events written by the outbox in SQLite, sent by the JDK client to a
 * receiver on loopback (APP_WEBHOOK_ALLOW_PRIVATE), retried, in order per account, and given up on.
 */
class WebhookDeliveryTest {
    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.sqlite();

    private record Received(String id, String timestamp, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServer receiver;
    private WebhookRounds rounds;
    private EventRecorder recorder;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        receiver.start();
        WebhookConfig config = new WebhookConfig(Optional.of(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks")),
                Optional.of(WebhookSecret.random()), true, Duration.ofDays(3), Duration.ofSeconds(1));
        WebhookWiring.ensureConfiguredEndpoint(config, database.get().webhookEndpoints(), clock);
        rounds = WebhookWiring.rounds(config, database.get(), clock, registry);
        recorder = WebhookWiring.recorder(database.get());
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private AccountEvent disconnected(String user) {
        return database.get().transactions().atomically(() -> {
            recorder.change(() -> { }, new NewEvent(new UserId(user), new EmailAddress(user + "@example.com"), clock.instant(),
                    new EventPayload.AccountDisconnected()));
            List<AccountEvent> all = database.get().events().after(0, 1000);
            return all.get(all.size() - 1);
        });
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebhookEndpoint endpoint() {
        return database.get().webhookEndpoints().list().get(0);
    }

    @Test
    void deliversEveryEventOnceInOrderPerAccount() {
        AccountEvent a1 = disconnected("alice");
        AccountEvent b1 = disconnected("bob");
        AccountEvent a2 = disconnected("alice");
        rounds.run();
        rounds.run();
        assertThat(received).extracting(Received::id).containsExactlyInAnyOrder(a1.id().value(), b1.id().value(), a2.id().value());
        List<String> alices = received.stream().map(Received::id).filter(id -> !id.equals(b1.id().value())).toList();
        assertThat(alices).containsExactly(a1.id().value(), a2.id().value());
        assertThat(received).extracting(Received::body).contains(a1.body(), a2.body(), b1.body());
        assertThat(count("webhook_deliveries", "outcome", "delivered")).isEqualTo(3);
        rounds.run();
        assertThat(received).hasSize(3);
    }

    @Test
    void aFailedDeliveryIsRetriedWithinAMinuteUnderTheSameIdAndHoldsBackTheAccountsNextEvent() {
        status.set(503);
        AccountEvent first = disconnected("alice");
        AccountEvent second = disconnected("alice");
        rounds.run();
        assertThat(received).extracting(Received::id).containsExactly(first.id().value());
        assertThat(endpoint().failingSince()).contains(START);

        clock.advance(Duration.ofSeconds(14));
        rounds.run();
        assertThat(received).as("no retry before 15 seconds").hasSize(1);

        status.set(204);
        clock.advance(Duration.ofSeconds(46));
        rounds.run();
        rounds.run();
        assertThat(received).extracting(Received::id).containsExactly(first.id().value(), first.id().value(), second.id().value());
        assertThat(received.get(1).timestamp()).isNotEqualTo(received.get(0).timestamp());
        assertThat(endpoint().failingSince()).isEmpty();
        assertThat(count("webhook_deliveries", "outcome", "failed")).isEqualTo(1);
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabledAndItsEventsWait() {
        status.set(500);
        AccountEvent event = disconnected("alice");
        int rounds = 0;
        while (endpoint().disabled().isEmpty() && rounds < 200) {
            this.rounds.run();
            clock.advance(Duration.ofHours(6).plusSeconds(1));
            rounds++;
        }
        assertThat(endpoint().disabled()).hasValueSatisfying(disabled -> assertThat(disabled.reason()).contains("HTTP 500"));
        assertThat(clock.instant()).isAfterOrEqualTo(START.plus(Duration.ofDays(3)));
        // Backoff: far fewer attempts than one per round of a fixed short interval would make.
        assertThat(received.size()).isBetween(10, 25);
        assertThat(received).extracting(Received::id).containsOnly(event.id().value());
        assertThat(count("webhook_endpoints_disabled")).isEqualTo(1);

        int before = received.size();
        status.set(204);
        this.rounds.run();
        assertThat(received).as("a disabled endpoint gets nothing").hasSize(before);
        assertThat(database.get().webhookEndpoints().enable(endpoint().id())).isTrue();
        this.rounds.run();
        assertThat(received).hasSize(before + 1);
        assertThat(database.get().webhookDeliveries().latest(true, 10)).isEmpty();
    }
}
