package dev.gmailserverauth.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training run for the JVM's class-data sharing archive ({@code ./run} makes one after each build):
 * starts the whole app in sandbox mode on a throw-away database, serves a few pages, and stops, so
 * that the classes a start needs are recorded once and mapped at every later start.
 */
final class CdsTraining {
    /**
     * What a fresh server is asked first: the probes (readiness reads the schema through Flyway), the pages a
     * person opens, the JSON API signed out (its session check and 401). The classes these load are the ones
     * worth mapping; what the app loads lazily on later work (jsoup on the first HTML mail, the security event
     * verifier on the first event, TLS on the first call to Google) stays out, as it stays out of a start.
     */
    static final List<String> FIRST_REQUESTS = List.of("/health", "/health/live", "/health/ready", "/", "/static/app.css", "/login", "/messages",
            "/api/me", "/api/messages?maxResults=50");
    private CdsTraining() {
    }

    static void run() {
        Path folder = createTempFolder();
        try (GmailServerAuth app = GmailServerAuth.start(AppConfig.fromEnvironment(Map.of(
                "APP_PORT", "0", "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("training.db"))))) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (String path : FIRST_REQUESTS) {
                get(http, app.baseUrl().resolve(path));
            }
        } finally {
            delete(folder);
        }
    }

    private static void get(HttpClient http, URI uri) {
        try {
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createTempFolder() {
        try {
            return Files.createTempDirectory("gmail-server-auth-cds");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
