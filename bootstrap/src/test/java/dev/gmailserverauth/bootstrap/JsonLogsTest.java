package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code APP_LOG_FORMAT=json} on the real {@code Main}: every line of standard output is one JSON object,
 * the lines of a request carry its request id (the one in its {@code X-Request-Id} header), and no line
 * holds a token, a code, a cookie or the client secret.
 */
class JsonLogsTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyLineIsOneJsonObjectWithTheRequestIdAndNoSecret(@TempDir Path folder) throws Exception {
        int port = TestApps.freePort();
        Path log = folder.resolve("main.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()))
                .redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("APP_") || k.startsWith("GMAIL_") || k.startsWith("GOOGLE_"));
        builder.environment().putAll(Map.of("APP_PORT", String.valueOf(port), "APP_MANAGEMENT_PORT", "0", "APP_LOG_FORMAT", "json",
                "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db")));
        Process process = builder.start();
        List<String> secrets = new ArrayList<>(List.of(SandboxClient.DEFAULT_SECRET, "ya29.", "1//0", "4/0A"));
        String requestId;
        try {
            URI base = URI.create("http://localhost:" + port);
            awaitHealthy(base.resolve("/health"));
            String cookie = new HttpSignIn().signIn(base, "alice@example.com");
            secrets.add(cookie.substring(cookie.indexOf('=') + 1));
            HttpResponse<String> messages = http.send(HttpRequest.newBuilder(base.resolve("/api/messages?maxResults=5&q=from%3Abob"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(messages.statusCode()).isEqualTo(200);
            requestId = messages.headers().firstValue("X-Request-Id").orElseThrow();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(5);
        List<JsonObject> events = lines.stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertThat(events).allSatisfy(event -> assertThat(event.keySet()).contains("timestamp", "level", "loggerName", "formattedMessage"));
        List<JsonObject> ofTheRequest = events.stream()
                .filter(e -> e.has("mdc") && e.getAsJsonObject("mdc").has("requestId")
                        && e.getAsJsonObject("mdc").get("requestId").getAsString().equals(requestId))
                .toList();
        assertThat(ofTheRequest).extracting(e -> e.get("formattedMessage").getAsString()).anyMatch(m -> m.matches("GET /api/messages 200 \\d+ms"));
        assertThat(events).extracting(e -> e.get("formattedMessage").getAsString()).anyMatch(m -> m.contains("shutting down"));
        for (String secret : secrets) {
            assertThat(lines).as("no line holds %s", secret).noneMatch(line -> line.contains(secret));
        }
        assertThat(lines).noneMatch(line -> line.contains("from:bob") || line.contains("from%3Abob"));
    }

    private void awaitHealthy(URI health) {
        Eventually.await("the app answers " + health, Duration.ofSeconds(60),
                () -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
