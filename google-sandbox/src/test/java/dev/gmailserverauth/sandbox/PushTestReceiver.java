package dev.gmailserverauth.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** A push endpoint for tests on the JDK's HTTP server: answers 204 (or the statuses queued), keeps what it got. */
final class PushTestReceiver implements AutoCloseable {
    /** One push: the bearer token, the body, and the decoded {@code data}. */
    record Received(String authorization, JsonObject body, JsonObject data, int answered, Instant at) {
        String historyId() {
            return data.get("historyId").getAsString();
        }

        String messageId() {
            return body.getAsJsonObject("message").get("messageId").getAsString();
        }

        String token() {
            return authorization.substring("Bearer ".length());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    PushTestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/gmail/push", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gmail/push");
    }

    /** The next pushes are answered with these statuses, then 204 again. */
    synchronized void answerNext(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits, up to 10 s, until {@code count} received pushes match (woken by each arrival); returns them. */
    synchronized List<Received> await(int count, Predicate<Received> match) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<Received> found = received.stream().filter(match).toList();
            if (found.size() >= count) return found;
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) throw new AssertionError("expected " + count + " matching pushes; got " + received);
            wait(left);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonObject body = JsonParser.parseString(text).getAsJsonObject();
        JsonObject data = JsonParser.parseString(new String(Base64.getDecoder().decode(
                body.getAsJsonObject("message").get("data").getAsString()), StandardCharsets.UTF_8)).getAsJsonObject();
        int status;
        synchronized (this) {
            status = answers.isEmpty() ? 204 : answers.pollFirst();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
        synchronized (this) {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body, data, status, Instant.now()));
            notifyAll();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
