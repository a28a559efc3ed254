package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ControlHttpApiTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();

    @Test
    void accountsAndMessagesCanBeSeededOverHttp() throws Exception {
        HttpResponse<String> account = h.controlApi("POST", "/accounts", "{\"email\":\"http@example.net\",\"displayName\":\"Http User\"}");
        HttpResponse<String> message = h.controlApi("POST", "/accounts/http@example.net/messages",
                "{\"from\":\"a@example.org\",\"to\":\"http@example.net\",\"subject\":\"Via HTTP\",\"date\":\"2025-03-01T10:00:00Z\","
                        + "\"text\":\"hello\",\"labels\":[\"INBOX\"]}");

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(json(account).get("id").getAsString()).matches("\\d{21}");
        assertThat(json(message).get("id").getAsString()).matches("[0-9a-f]{16}");
        assertThat(h.controlApi("GET", "/accounts", "").body()).contains("\"email\":\"http@example.net\"").contains("\"demo\":true");
        assertThat(h.gmail(h.login("http@example.net").getAccessToken()).users().messages().list("me").execute().getResultSizeEstimate())
                .isEqualTo(1L);
    }

    @Test
    void faultsCountersAndLatencyAreControllableOverHttp() {
        assertThat(h.controlApi("POST", "/faults", "{\"endpoint\":\"userinfo\",\"times\":1,\"type\":\"http_error\",\"status\":503,"
                + "\"reason\":\"backendError\",\"message\":\"Unavailable\",\"retryAfterSeconds\":2}").statusCode()).isEqualTo(200);
        h.controlApi("POST", "/counters/reset", "");

        HttpResponse<String> faulted = h.get(h.url("/oauth2/v2/userinfo"));

        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("2");
        JsonObject counters = json(h.controlApi("GET", "/counters", ""));
        assertThat(counters.getAsJsonObject("roundTrips").get("USERINFO").getAsLong()).isEqualTo(1);
        assertThat(counters.get("totalRoundTrips").getAsLong()).isEqualTo(1);
        assertThat(h.controlApi("PUT", "/latency", "{\"millis\":0}").statusCode()).isEqualTo(200);
        assertThat(h.controlApi("DELETE", "/faults", "").statusCode()).isEqualTo(200);
    }

    @Test
    void badControlRequestsAre400WithAReason() {
        HttpResponse<String> r = h.controlApi("POST", "/faults", "{\"endpoint\":\"nope\",\"type\":\"delay\",\"millis\":1}");

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
