package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.google.GoogleCallListener;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics on the management port and readiness on the public one, over HTTP against the whole application. */
class OperationsOverHttpTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ApiClient api = new ApiClient();

    @Test
    void theManagementPortServesPrometheusMetricsOfTheRequestsRefreshesCacheSessionsPoolsJvmAndJetty() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp()) {
            var control = app.sandbox().orElseThrow().control();
            String cookie = new HttpSignIn().signIn(app.baseUrl(), control.demoAccounts().get(0));
            for (int i = 0; i < 3; i++) assertThat(api.get(app.baseUrl().resolve("/api/messages?maxResults=10"), cookie).statusCode()).isEqualTo(200);
            control.expireAccessTokens(control.demoAccounts().get(0));
            assertThat(api.get(app.baseUrl().resolve("/api/messages?maxResults=10"), cookie).statusCode()).isEqualTo(200);
            assertThat(api.get(app.baseUrl().resolve("/messages/0000000000000000"), cookie).statusCode()).isEqualTo(404);

            HttpResponse<String> scrape = get(URI.create("http://127.0.0.1:" + app.managementPort().orElseThrow() + "/metrics"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            PrometheusText metrics = PrometheusText.parse(scrape.body());
            assertThat(metrics.value("http_server_requests_seconds_count", "method", "GET", "route", "/api/messages", "status", "200")).contains(4.0);
            assertThat(metrics.value("http_server_requests_seconds_count", "route", "/messages/{id}", "status", "404")).contains(1.0);
            assertThat(metrics.find("http_server_requests_seconds_count")).as("no raw path as a label")
                    .noneMatch(s -> s.labels().get("route").contains("0000000000000000"));
            assertThat(metrics.value("oauth_token_refreshes_total", "outcome", "refreshed")).contains(1.0);
            assertThat(metrics.value("google_calls_seconds_count", "method", "messages.list", "outcome", "ok").orElseThrow()).isGreaterThanOrEqualTo(4);
            assertThat(metrics.value("google_calls_seconds_count", "method", "messages.get", "outcome", "ok").orElseThrow())
                    .as("the summaries of the first page").isGreaterThanOrEqualTo(10);
            assertThat(metrics.value("google_quota_units_total", "method", "messages.list").orElseThrow()).isGreaterThanOrEqualTo(4 * 5);
            assertThat(metrics.value("refresh_lock_wait_seconds_count", "outcome", "acquired")).contains(1.0);
            assertThat(metrics.value("summary_cache_hits_total").orElseThrow()).as("the same page again comes from the cache").isGreaterThanOrEqualTo(30);
            assertThat(metrics.value("summary_cache_misses_total").orElseThrow()).isGreaterThanOrEqualTo(10);
            assertThat(metrics.value("summary_cache_entries").orElseThrow()).isGreaterThanOrEqualTo(10);
            assertThat(metrics.value("sessions_active")).contains(1.0);
            assertThat(metrics.value("credentials_stored")).contains(1.0);
            assertThat(metrics.find("hikaricp_connections", "pool", "sqlite")).isNotEmpty();
            assertThat(metrics.find("jvm_memory_used_bytes")).isNotEmpty();
            assertThat(metrics.find("jvm_threads_live_threads")).isNotEmpty();
            assertThat(metrics.find("system_cpu_count")).isNotEmpty();
            assertThat(metrics.find("jetty_threads_current")).isNotEmpty();
            assertThat(metrics.find("jetty_connections_current_connections")).isNotEmpty();
            assertThat(metrics.find("process_uptime_seconds")).isNotEmpty();
            assertThat(metrics.types()).containsEntry("http_server_requests_seconds", "summary")
                    .containsEntry("oauth_token_refreshes_total", "counter").containsEntry("sessions_active", "gauge");
            metrics.types().forEach((name, type) -> {
                if (type.equals("counter")) assertThat(name).as("a counter's name ends in _total").endsWith("_total");
            });

            assertThat(get(app.baseUrl().resolve("/metrics")).statusCode()).as("never on the public port").isEqualTo(404);
            assertThat(metrics.find("google_calls_seconds_count")).as("every outcome reported was registered at zero at start")
                    .allSatisfy(s -> assertThat(GoogleCallListener.outcomes()).contains(s.labels().get("outcome")))
                    .allSatisfy(s -> assertThat(GoogleCallListener.methods()).contains(s.labels().get("method")));
            assertThat(metrics.find("oauth_token_refreshes_total"))
                    .allSatisfy(s -> assertThat(Metrics.refreshOutcomes()).contains(s.labels().get("outcome")));
        }
    }

    @Test
    void everyCounterWithKnownLabelsIsScrapedAtZeroRightAfterStartSoThatAnAlertOnItCanFire() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp()) {
            PrometheusText metrics = PrometheusText.parse(get(URI.create("http://127.0.0.1:" + app.managementPort().orElseThrow() + "/metrics")).body());

            for (String outcome : List.of("refreshed", "revoked", "reauthentication_required", "failed")) {
                assertThat(metrics.value("oauth_token_refreshes_total", "outcome", outcome)).as(outcome).contains(0.0);
            }
            for (String outcome : List.of("acquired", "not_acquired")) {
                assertThat(metrics.value("refresh_lock_wait_seconds_count", "outcome", outcome)).as(outcome).contains(0.0);
            }
            for (String method : List.of("messages.list", "messages.get", "messages.attachments.get", "threads.list", "threads.get", "labels.list")) {
                assertThat(metrics.value("google_quota_units_total", "method", method)).as(method).contains(0.0);
                for (String outcome : List.of("ok", "not_found", "unauthorized", "insufficient_scope", "bad_request", "concurrency", "quota", "transient")) {
                    assertThat(metrics.value("google_calls_seconds_count", "method", method, "outcome", outcome)).as(method + " " + outcome).contains(0.0);
                }
            }
            for (String kind : List.of("concurrency", "quota", "short_circuit")) {
                assertThat(metrics.value("google_quota_refusals_total", "kind", kind)).as(kind).contains(0.0);
            }
            assertThat(metrics.value("summary_cache_hits_total")).contains(0.0);
            assertThat(metrics.value("summary_cache_misses_total")).contains(0.0);
        }
    }

    @Test
    void readinessIsUpAndGoesDownWhenAnotherProcessMovesTheDataToAKeyThisInstanceLacks(@TempDir Path folder) throws Exception {
        String oldKey = Base64.getEncoder().encodeToString(new byte[32]);
        String newKey = Base64.getEncoder().encodeToString("a new key of exactly 32 bytes!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String database = "jdbc:sqlite:" + folder.resolve("app.db");
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_DATABASE_URL", database, "APP_ENCRYPTION_KEY", oldKey))) {
            HttpResponse<String> ready = get(app.baseUrl().resolve("/health/ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"schema\":\"UP\",\"key\":\"UP\",\"google\":\"UP\"}}");
            assertThat(get(app.baseUrl().resolve("/health/live")).statusCode()).isEqualTo(200);

            try (Database operator = Database.open(PersistenceConfig.of(database).withEncryptionKey(newKey + "," + oldKey))) {
                operator.finishKeyRotation();
            }

            HttpResponse<String> notReady = get(app.baseUrl().resolve("/health/ready"));
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"key\":\"DOWN\"").contains("\"database\":\"UP\"");
            assertThat(get(app.baseUrl().resolve("/health/live")).statusCode()).as("alive all the same").isEqualTo(200);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
