package dev.gmailserverauth.bootstrap.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.webhooks.IndependentVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A webhook receiver as a customer would run one, on loopback: a plain JDK {@link HttpServer} that checks every
 * delivery with {@link IndependentVerifier} (written from the Standard Webhooks specification, not from the code that
 * signs) before it looks at the body, answers 204, and remembers what came. Each endpoint is a path
 * ({@code /hooks/0}, {@code /hooks/1}, …) with its own secret. {@link #down} stops listening (connections refused, as
 * when a receiver's host is down); {@link #up} listens again on the same port.
 */
final class HookReceiver implements AutoCloseable {
    /** One delivery as the receiver saw it. {@code problem}: why the signature did not verify, empty when it did. */
    record Delivery(String endpoint, String id, String timestamp, String signature, String body, Optional<String> problem, long receivedNanos,
                    String type, String account, long sequence, Optional<String> messageId) {
    }

    private volatile int port;
    private final Map<String, IndependentVerifier> verifiers = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private volatile Consumer<Delivery> beforeAnswer = delivery -> { };
    private HttpServer server;

    private HookReceiver(int port) {
        this.port = port;
    }

    /** Listening on a free loopback port. */
    static HookReceiver start() {
        HookReceiver receiver = new HookReceiver(0);
        receiver.listen();
        return receiver;
    }

    /** The URL of endpoint {@code n}; its deliveries are verified with {@code secret}. */
    URI endpoint(int n, WebhookSecret secret) {
        secret(n, secret);
        return url(n);
    }

    URI url(int n) {
        return URI.create("http://127.0.0.1:" + port() + path(n));
    }

    /** Endpoint {@code n}'s deliveries are verified with {@code secret} from now on. */
    void secret(int n, WebhookSecret secret) {
        verifiers.put(path(n), new IndependentVerifier(secret.formatted()));
    }

    private static String path(int n) {
        return "/hooks/" + n;
    }

    int port() {
        return port;
    }

    /** Runs before the receiver answers each delivery (on the receiver's thread). */
    void beforeAnswer(Consumer<Delivery> action) {
        this.beforeAnswer = action;
    }

    synchronized void down() {
        server.stop(0);
    }

    synchronized void up() {
        listen();
    }

    private void listen() {
        try {
            HttpServer next = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            next.createContext("/hooks/", this::receive);
            next.setExecutor(threads);
            next.start();
            server = next;
            port = next.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String endpoint = exchange.getRequestURI().getPath();
            String id = header(exchange, "webhook-id");
            String timestamp = header(exchange, "webhook-timestamp");
            String signature = header(exchange, "webhook-signature");
            IndependentVerifier verifier = verifiers.get(endpoint);
            Optional<String> problem = verifier == null ? Optional.of("no secret for " + endpoint)
                    : verifier.problem(id, timestamp, signature, body, Instant.now());
            String text = new String(body, StandardCharsets.UTF_8);
            // A receiver parses only what verified.
            Delivery delivery = problem.isPresent()
                    ? new Delivery(endpoint, id, timestamp, signature, text, problem, System.nanoTime(), "", "", 0, Optional.empty())
                    : parsed(endpoint, id, timestamp, signature, text);
            deliveries.add(delivery);
            beforeAnswer.accept(delivery);
            exchange.sendResponseHeaders(problem.isPresent() ? 400 : 204, -1);
        }
    }

    private static Delivery parsed(String endpoint, String id, String timestamp, String signature, String text) {
        JsonObject event = JsonParser.parseString(text).getAsJsonObject();
        JsonObject data = event.getAsJsonObject("data");
        Optional<String> message = data.has("message") ? Optional.of(data.getAsJsonObject("message").get("id").getAsString())
                : data.has("messageId") ? Optional.of(data.get("messageId").getAsString()) : Optional.empty();
        return new Delivery(endpoint, id, timestamp, signature, text, Optional.empty(), System.nanoTime(), event.get("type").getAsString(),
                event.getAsJsonObject("account").get("email").getAsString(), event.get("sequence").getAsLong(), message);
    }

    private static String header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).orElse("");
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void forget() {
        deliveries.clear();
    }

    /** Deliveries whose signature did not verify (should be none). */
    long unverified() {
        return deliveries.stream().filter(d -> d.problem().isPresent()).count();
    }

    /** Distinct (endpoint, webhook-id) pairs received. */
    Set<String> distinct() {
        return deliveries.stream().map(d -> d.endpoint() + " " + d.id()).collect(Collectors.toSet());
    }

    /** Deliveries beyond the first of each (endpoint, webhook-id): the duplicates at-least-once allows. */
    long duplicates() {
        return deliveries.size() - distinct().size();
    }

    /** Webhook ids received at the endpoint {@code n}. */
    Set<String> ids(int n) {
        return deliveries.stream().filter(d -> d.endpoint().equals(path(n))).map(Delivery::id).collect(Collectors.toSet());
    }

    /** The message ids of the {@code message.received} events received. */
    Set<String> receivedMessages() {
        return deliveries.stream().filter(d -> d.type().equals("message.received")).flatMap(d -> d.messageId().stream()).collect(Collectors.toSet());
    }

    /**
     * Per endpoint and account, the first arrivals of each sequence number in the order they came: how many stand
     * before a lower number (0 when every account's events came in order).
     */
    long outOfOrder() {
        Map<String, List<Long>> firsts = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Delivery delivery : deliveries.stream().filter(d -> d.problem().isEmpty()).sorted(Comparator.comparingLong(Delivery::receivedNanos)).toList()) {
            if (seen.add(delivery.endpoint() + " " + delivery.id())) {
                firsts.computeIfAbsent(delivery.endpoint() + " " + delivery.account(), key -> new ArrayList<>()).add(delivery.sequence());
            }
        }
        long late = 0;
        for (List<Long> sequences : firsts.values()) {
            long highest = 0;
            for (long sequence : sequences) {
                if (sequence < highest) late++;
                highest = Math.max(highest, sequence);
            }
        }
        return late;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
