package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.testing.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, configuring and stopping the whole application, in process and as the real {@code Main}. */
class ApplicationLifecycleTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsInSandboxModeAndReportsHealth() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp()) {
            assertThat(app.sandbox()).isPresent();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(app.baseUrl().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\"");
            assertThat(app.isHealthy()).isTrue();
        }
    }

    @Test
    void aRequestInFlightFinishesWhileTheAppStops() throws Exception {
        GmailServerAuth app = TestApps.startSandboxApp();
        try {
            var control = app.sandbox().orElseThrow().control();
            String cookie = new HttpSignIn().signIn(app.baseUrl(), control.demoAccounts().get(0));
            control.setLatency(Duration.ofMillis(700));
            long listed = control.counters().roundTrips(Endpoint.MESSAGES_LIST);
            var inFlight = http.sendAsync(HttpRequest.newBuilder(app.baseUrl().resolve("/api/messages?maxResults=5")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            // The page lists first, then fetches the summaries (each round trip held 700 ms by the sandbox):
            // once the list has reached Google, the request is in flight, half done.
            Eventually.await("the request's messages.list reached the sandbox", Duration.ofSeconds(30),
                    () -> control.counters().roundTrips(Endpoint.MESSAGES_LIST) > listed);
            app.close();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(app.baseUrl().resolve("/health")).build(), HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(IOException.class);
        } finally {
            app.close();
        }
    }

    @Test
    void aMissingClientSecretsFileIsAClearStartupError(@TempDir Path folder) {
        Map<String, String> env = Map.of("GMAIL_CLIENT_SECRETS", folder.resolve("nope.json").toString(), "APP_PORT", "0",
                "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"));
        assertThatThrownBy(() -> GmailServerAuth.start(AppConfig.fromEnvironment(env)))
                .hasMessageContaining("nope.json");
    }

    @Test
    void badConfigurationExitsWithCode2AndOneLineNamingTheVariable() throws Exception {
        Path log = Files.createTempFile("main", ".log");
        Process process = startMain(Map.of("APP_PORT", "eighty"), log);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("APP_PORT").doesNotContain("Exception");
    }

    @Test
    void sigtermStopsTheServerGracefully(@TempDir Path folder) throws Exception {
        int port = TestApps.freePort();
        Path log = folder.resolve("main.log");
        Process process = startMain(Map.of("APP_PORT", String.valueOf(port), "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db")), log);
        try {
            URI health = URI.create("http://localhost:" + port + "/health");
            assertThat(awaitHealthy(health, Duration.ofSeconds(30))).isTrue();
            process.destroy(); // SIGTERM; also closes the pipes, hence the log file
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("SANDBOX MODE").contains("shutting down").doesNotContain("Exception");
            assertThat(Files.exists(folder.resolve("app.db"))).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private boolean awaitHealthy(URI health, Duration timeout) {
        return Eventually.within(timeout, Duration.ofMillis(50),
                () -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static Process startMain(Map<String, String> env, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("APP_") || k.startsWith("GMAIL_") || k.startsWith("GOOGLE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

}
