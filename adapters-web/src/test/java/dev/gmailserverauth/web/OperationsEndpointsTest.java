package dev.gmailserverauth.web;


import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.http.RequestLog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Liveness, readiness, the request id and the request observer: what the web front gives operators. */
class OperationsEndpointsTest {
    @RegisterExtension
    final AccessLog log = new AccessLog();

    private record Completed(String method, String route, int status) {
    }

    @Test
    void liveIsUpAndReadyNamesEveryCheckAndIs503WhenOneFails() {
        AtomicBoolean keyOpens = new AtomicBoolean(true);
        WebOperations operations = new WebOperations(List.of(
                new WebOperations.HealthCheck("schema", () -> true),
                new WebOperations.HealthCheck("key", keyOpens::get),
                new WebOperations.HealthCheck("google", () -> true)), WebOperations.RequestObserver.NONE);
        TestApp.run(TestApp.builder(new World(), () -> true).config(WebConfig.of(TestApp.BASE_URL)).operations(operations).build(), browser -> {
            assertThat(browser.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
            Browser.Response ready = browser.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"schema\":\"UP\",\"key\":\"UP\",\"google\":\"UP\"}}");

            keyOpens.set(false);

            Browser.Response notReady = browser.get("/health/ready");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"status\":\"DOWN\"", "\"key\":\"DOWN\"", "\"schema\":\"UP\"");
            assertThat(browser.get("/health").body()).as("/health keeps its shape").isEqualTo("{\"status\":\"UP\",\"database\":\"UP\"}");
            assertThat(browser.get("/health/live").status()).isEqualTo(200);
        });
    }

    @Test
    void aThrowingCheckIsDownNotA500() {
        WebOperations operations = new WebOperations(List.of(new WebOperations.HealthCheck("schema", () -> {
            throw new IllegalStateException("boom");
        })), WebOperations.RequestObserver.NONE);
        TestApp.run(TestApp.builder(new World(), () -> true).config(WebConfig.of(TestApp.BASE_URL)).operations(operations).build(),
                browser -> assertThat(browser.get("/health/ready").status()).isEqualTo(503));
    }

    @Test
    void everyResponseCarriesARequestIdThatEveryLogLineOfTheRequestCarriesToo() {
        TestApp.run(TestApp.app(new World()), browser -> {
            Browser.Response first = browser.get("/health");
            Browser.Response second = browser.get("/no-such-page");
            String firstId = first.header("X-Request-Id").orElseThrow();
            assertThat(firstId).matches("[0-9a-f]{24}");
            assertThat(second.header("X-Request-Id").orElseThrow()).isNotEqualTo(firstId);

            Browser.Response kept = browser.send(HttpRequest.newBuilder(URI.create(browser.origin() + "/health")).header("X-Request-Id", "proxy-id-0123456789"));
            assertThat(kept.header("X-Request-Id")).contains("proxy-id-0123456789");
            Browser.Response replaced = browser.send(HttpRequest.newBuilder(URI.create(browser.origin() + "/health")).header("X-Request-Id", "bad id\u00e9<script>"));
            assertThat(replaced.header("X-Request-Id").orElseThrow()).matches("[0-9a-f]{24}");

            List<String> ids = log.events().stream().map(event -> event.getMDCPropertyMap().get("requestId")).toList();
            assertThat(ids).containsExactly(firstId, second.header("X-Request-Id").orElseThrow(), "proxy-id-0123456789",
                    replaced.header("X-Request-Id").orElseThrow());
        });
    }

    @Test
    void workHandedToAnotherThreadCarriesTheRequestIdThereAndLeavesNoTrace() throws Exception {
        org.slf4j.MDC.put("requestId", "0123456789abcdef");
        java.util.function.Supplier<String> work = RequestLog.withRequestId(() -> org.slf4j.MDC.get("requestId"));
        org.slf4j.MDC.remove("requestId");
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(work::get).get()).isEqualTo("0123456789abcdef");
            assertThat(other.submit(() -> org.slf4j.MDC.get("requestId")).get()).isNull();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void theObserverHearsEachRequestByRouteTemplateNeverByRawPath() {
        World world = new World();
        UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 2);
        List<Completed> completed = new CopyOnWriteArrayList<>();
        WebOperations operations = new WebOperations(List.of(), (method, route, status, took) -> completed.add(new Completed(method, route, status)));
        TestApp.run(TestApp.builder(world, () -> true).config(WebConfig.of(TestApp.BASE_URL)).operations(operations).build(), browser -> {
            TestApp.signIn(browser, world, alice);
            completed.clear();
            browser.get("/messages/abc123def456");
            browser.get("/health");
            browser.get("/no/such/page/4711");

            assertThat(completed).extracting(Completed::route).containsExactly("/messages/{id}", "/health", "unmatched");
            assertThat(completed).extracting(Completed::method).containsOnly("GET");
            assertThat(completed.get(1).status()).isEqualTo(200);
            assertThat(completed.get(2).status()).isEqualTo(404);
        });
    }
}
