package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlHttpApiTest {
    private static SandboxHarness h;

    @BeforeAll
    static void start() {
        h = SandboxHarness.start();
    }

    @AfterAll
    static void stop() {
        h.sandbox.close();
    }

    private static HttpResponse<String> call(String method, String path, String json) {
        return h.send(HttpRequest.newBuilder(URI.create(h.url("/__sandbox" + path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void accountsAndMessagesCanBeSeededOverHttp() throws Exception {
        HttpResponse<String> account = call("POST", "/accounts", "{\"email\":\"http@example.net\",\"displayName\":\"Http User\"}");
        HttpResponse<String> message = call("POST", "/accounts/http@example.net/messages",
                "{\"from\":\"a@example.org\",\"to\":\"http@example.net\",\"subject\":\"Via HTTP\",\"date\":\"2025-03-01T10:00:00Z\","
                        + "\"text\":\"hello\",\"labels\":[\"INBOX\"]}");

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(json(account).get("id").getAsString()).matches("\\d{21}");
        assertThat(json(message).get("id").getAsString()).matches("[0-9a-f]{16}");
        assertThat(call("GET", "/accounts", "").body()).contains("\"email\":\"http@example.net\"").contains("\"demo\":true");
        assertThat(h.gmail(h.login("http@example.net").getAccessToken()).users().messages().list("me").execute().getResultSizeEstimate())
                .isEqualTo(1L);
    }

    @Test
    void faultsCountersAndLatencyAreControllableOverHttp() {
        assertThat(call("POST", "/faults", "{\"endpoint\":\"userinfo\",\"times\":1,\"type\":\"http_error\",\"status\":503,"
                + "\"reason\":\"backendError\",\"message\":\"Unavailable\",\"retryAfterSeconds\":2}").statusCode()).isEqualTo(200);
        call("POST", "/counters/reset", "");

        HttpResponse<String> faulted = h.get(h.url("/oauth2/v2/userinfo"));

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("2");
        JsonObject counters = json(call("GET", "/counters", ""));
        assertThat(counters.getAsJsonObject("roundTrips").get("USERINFO").getAsLong()).isEqualTo(1);
        assertThat(counters.get("totalRoundTrips").getAsLong()).isEqualTo(1);
        assertThat(call("PUT", "/latency", "{\"millis\":0}").statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/faults", "").statusCode()).isEqualTo(200);
    }

    @Test
    void badControlRequestsAre400WithAReason() {
        HttpResponse<String> r = call("POST", "/faults", "{\"endpoint\":\"nope\",\"type\":\"delay\",\"millis\":1}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").getAsString()).contains("nope".toUpperCase());
    }

    @Test
    void controlApiIsAbsentWhenDisabled() {
        try (GoogleSandbox closed = GoogleSandbox.start(SandboxConfig.defaults(List.of()).withControlApi(false).withDemoData(false))) {
            HttpResponse<String> r = new SandboxHarness(closed).get(closed.baseUrl() + "/__sandbox/counters");

            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(closed.control().counters().totalRoundTrips()).isZero();
        }
    }
}
