package dev.gmailserverauth.bootstrap.webhooks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.gmailserverauth.webhooks.IndependentVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver as a developer runs one: a plain HTTP server on loopback that keeps every delivery (headers and raw
 * body) and answers 204. Its checks are {@link IndependentVerifier}'s, written from the specification.
 */
public final class LocalReceiver implements AutoCloseable {
    /** One delivery as it arrived. */
    public record Delivery(String id, String timestamp, String signature, byte[] rawBody, Instant arrivedAt) {
        public JsonObject json() {
            return JsonParser.parseString(new String(rawBody, StandardCharsets.UTF_8)).getAsJsonObject();
        }

        public String type() {
            return json().get("type").getAsString();
        }

        public String account() {
            return json().getAsJsonObject("account").get("id").getAsString();
        }

        public long sequence() {
            return json().get("sequence").getAsLong();
        }

        public JsonObject data() {
            return json().getAsJsonObject("data");
        }

        /** Empty when a receiver holding {@code secret} accepts it; else why not. */
        public Optional<String> problem(String secret) {
            return new IndependentVerifier(secret).problem(id, timestamp, signature, rawBody, arrivedAt);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public LocalReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    /** Every delivery so far, in the order they arrived. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The deliveries of this event type, in the order they arrived. */
    public List<Delivery> ofType(String type) {
        return deliveries().stream().filter(delivery -> delivery.type().equals(type)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
