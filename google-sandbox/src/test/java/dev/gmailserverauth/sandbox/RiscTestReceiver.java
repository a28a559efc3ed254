package dev.gmailserverauth.sandbox;

import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Cross-Account Protection receiver for tests, on the JDK's HTTP server: it finds the issuer and the key set
 * through the sandbox's {@code /.well-known/risc-configuration}, verifies each token with nimbus (RS256, {@code iss},
 * {@code aud} = the client id, {@code iat} and {@code jti} required), answers 202 or 400, and keeps what it got.
 */
final class RiscTestReceiver implements AutoCloseable {
    /** One POST the receiver got. */
    record Received(String contentType, String token, int answered, Optional<JWTClaimsSet> claims, Optional<String> refusal) {}

    private final HttpServer server;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final List<Received> received = new ArrayList<>();

    RiscTestReceiver(SandboxHarness h, String clientId) {
        var config = SandboxHarness.json(h.get(h.url("/.well-known/risc-configuration")));
        String issuer = config.get("issuer").getAsString();
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(new URL(config.get("jwks_uri").getAsString()))
                    .rateLimited(false).refreshAheadCache(false).retrying(false).build();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(clientId),
                    new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("iat", "jti", "events"), Set.of()));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/risc/events", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/risc/events");
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits, up to 5 s, until a received POST matches (woken by each arrival). */
    synchronized Received await(Predicate<Received> match) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            Optional<Received> found = received.stream().filter(match).findFirst();
            if (found.isPresent()) return found.get();
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) throw new AssertionError("no matching security event arrived; got " + received);
            wait(left);
        }
    }

    private synchronized void add(Received r) {
        received.add(r);
        notifyAll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String token = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        Received r;
        try {
            r = new Received(contentType, token, 202, Optional.of(processor.process(token, null)), Optional.empty());
        } catch (Exception e) {
            r = new Received(contentType, token, 400, Optional.empty(), Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        add(r);
        byte[] body = r.refusal().map(RiscTestReceiver::errorBody).orElse("").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(r.answered(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** RFC 8935's error body. */
    private static String errorBody(String description) {
        JsonObject o = new JsonObject();
        o.addProperty("err", "invalid_request");
        o.addProperty("description", description);
        return o.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
