package dev.gmailserverauth.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.webhook.SigningSecrets;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.domain.webhook.WebhookSender.Attempt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real receiver: a JDK HttpServer on loopback (allowed only with allowPrivate). */
class HttpWebhookSenderTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private record Received(Map<String, String> headers, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final MutableClock clock = new MutableClock(NOW);
    private HttpServer server;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/failing", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        releaseSlow.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpWebhookSender sender(boolean allowPrivate) {
        return new HttpWebhookSender(new ReceiverAddresses(allowPrivate), Duration.ofSeconds(2), Duration.ofMillis(500), clock);
    }

    private static AccountEvent event() {
        return new AccountEvent(EventId.random(), EventType.ACCOUNT_DISCONNECTED, new UserId("alice"), 7, NOW, 42,
                "{\"id\":\"x\",\"type\":\"account.disconnected\",\"note\":\"caf\u00e9\"}");
    }

    @Test
    void signsWhatItSendsSoThatAnIndependentReceiverVerifiesIt() {
        WebhookSecret secret = WebhookSecret.random();
        AccountEvent event = event();
        Attempt attempt = sender(true).send(url("/hooks"), event, new SigningSecrets(secret, Optional.empty())).join();

        assertThat(attempt).isEqualTo(new Attempt.Accepted(204));
        Received delivery = received.get(0);
        assertThat(delivery.headers()).containsEntry("webhook-id", event.id().value())
                .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                .containsEntry("content-type", "application/json");
        assertThat(new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(event.body());
        IndependentVerifier receiver = new IndependentVerifier(secret.formatted());
        assertThat(receiver.problem(delivery.headers().get("webhook-id"), delivery.headers().get("webhook-timestamp"),
                delivery.headers().get("webhook-signature"), delivery.body(), NOW.plusSeconds(3))).isEmpty();
    }

    @Test
    void aForgedOrReplayedDeliveryFailsTheIndependentCheck() {
        WebhookSecret secret = WebhookSecret.random();
        sender(true).send(url("/hooks"), event(), new SigningSecrets(secret, Optional.empty())).join();
        Received delivery = received.get(0);
        Map<String, String> h = delivery.headers();
        IndependentVerifier receiver = new IndependentVerifier(secret.formatted());
        byte[] tampered = (new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8) + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(receiver.problem(h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"), tampered, NOW))
                .contains("no matching signature");
        assertThat(receiver.problem("evt_someOtherIdXXXXXXXXXXX", h.get("webhook-timestamp"), h.get("webhook-signature"), delivery.body(), NOW))
                .contains("no matching signature");
        assertThat(receiver.problem(h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"), delivery.body(),
                NOW.plus(Duration.ofMinutes(6)))).contains("timestamp outside tolerance");
        IndependentVerifier otherSecret = new IndependentVerifier(WebhookSecret.random().formatted());
        assertThat(otherSecret.problem(h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature"), delivery.body(), NOW))
                .contains("no matching signature");
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        WebhookSecret next = WebhookSecret.random();
        WebhookSecret previous = WebhookSecret.random();
        sender(true).send(url("/hooks"), event(), new SigningSecrets(next, Optional.of(previous))).join();
        Map<String, String> h = received.get(0).headers();
        assertThat(h.get("webhook-signature").split(" ")).hasSize(2).allMatch(entry -> entry.startsWith("v1,"));
        for (WebhookSecret secret : List.of(next, previous)) {
            assertThat(new IndependentVerifier(secret.formatted()).problem(h.get("webhook-id"), h.get("webhook-timestamp"),
                    h.get("webhook-signature"), received.get(0).body(), NOW)).isEmpty();
        }
    }

    @Test
    void eachAttemptIsSignedAfreshUnderTheSameId() {
        WebhookSecret secret = WebhookSecret.random();
        AccountEvent event = event();
        HttpWebhookSender sender = sender(true);
        sender.send(url("/hooks"), event, new SigningSecrets(secret, Optional.empty())).join();
        clock.advance(Duration.ofMinutes(10));
        sender.send(url("/hooks"), event, new SigningSecrets(secret, Optional.empty())).join();
        assertThat(received).extracting(r -> r.headers().get("webhook-id")).containsOnly(event.id().value());
        assertThat(received).extracting(r -> r.headers().get("webhook-timestamp"))
                .containsExactly(Long.toString(NOW.getEpochSecond()), Long.toString(NOW.plus(Duration.ofMinutes(10)).getEpochSecond()));
        Received second = received.get(1);
        assertThat(new IndependentVerifier(secret.formatted()).problem(second.headers().get("webhook-id"),
                second.headers().get("webhook-timestamp"), second.headers().get("webhook-signature"), second.body(),
                NOW.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void anErrorStatusIsAFailure() {
        Attempt attempt = sender(true).send(url("/failing"), event(), new SigningSecrets(WebhookSecret.random(), Optional.empty())).join();
        assertThat(attempt).isEqualTo(new Attempt.Failed("HTTP 503"));
    }

    @Test
    void aRedirectIsNotFollowed() {
        Attempt attempt = sender(true).send(url("/moved"), event(), new SigningSecrets(WebhookSecret.random(), Optional.empty())).join();
        assertThat(attempt).isInstanceOfSatisfying(Attempt.Failed.class, failed -> assertThat(failed.reason()).contains("302", "not followed"));
        assertThat(redirectTargetHits).hasValue(0);
    }

    @Test
    void aSlowReceiverTimesOutWithoutHoldingTheCaller() {
        var pending = sender(true).send(url("/slow"), event(), new SigningSecrets(WebhookSecret.random(), Optional.empty()));
        assertThat(pending.isDone()).isFalse();
        Attempt attempt = pending.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(attempt).isInstanceOfSatisfying(Attempt.Failed.class, failed -> assertThat(failed.reason()).contains("no answer in time"));
    }

    @Test
    void withoutAllowPrivateNothingReachesALoopbackReceiver() {
        SigningSecrets secrets = new SigningSecrets(WebhookSecret.random(), Optional.empty());
        Attempt literal = sender(false).send(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/hooks"), event(), secrets).join();
        Attempt named = sender(false).send(URI.create("https://localhost:" + server.getAddress().getPort() + "/hooks"), event(), secrets).join();
        Attempt plain = sender(false).send(url("/hooks"), event(), secrets).join();
        assertThat(List.of(literal, named, plain)).allSatisfy(attempt -> assertThat(attempt).isInstanceOf(Attempt.Failed.class));
        assertThat(((Attempt.Failed) named).reason()).contains("localhost resolves to", "loopback");
        assertThat(received).isEmpty();
    }

    @Test
    void matchesTheSpecificationsWorkedExample() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(StandardWebhookSignature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}", secret))
                .isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(new IndependentVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").problem("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Instant.ofEpochSecond(1614265330))).isEmpty();
    }
}
