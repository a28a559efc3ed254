package dev.gmailserverauth.google;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A push endpoint for tests on the JDK's HTTP server: answers 204 and keeps each push's bearer token by mailbox. */
final class PushSink implements AutoCloseable {
    /** One push: its bearer token and the mailbox its data names. */
    record Push(String token, String emailAddress) {}

    private final HttpServer server;
    private final List<Push> pushes = new ArrayList<>();

    PushSink() {
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

    /** The first {@code count} pushes for that mailbox, in arrival order, waiting up to 10 s for them. */
    synchronized List<Push> await(String emailAddress, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<Push> mine = pushes.stream().filter(p -> p.emailAddress().equals(emailAddress)).toList();
            if (mine.size() >= count) return mine.subList(0, count);
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) throw new AssertionError("expected " + count + " pushes for " + emailAddress + "; got " + mine.size());
            wait(left);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonObject body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        String data = new String(Base64.getDecoder().decode(body.getAsJsonObject("message").get("data").getAsString()), StandardCharsets.UTF_8);
        String email = JsonParser.parseString(data).getAsJsonObject().get("emailAddress").getAsString();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        synchronized (this) {
            pushes.add(new Push(authorization.substring("Bearer ".length()), email));
            notifyAll();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
