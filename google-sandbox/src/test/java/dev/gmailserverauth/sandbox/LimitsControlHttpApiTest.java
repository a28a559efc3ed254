package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LimitsControlHttpApiTest {
    private static SandboxHarness h;
    private static String alice;

    @BeforeAll
    static void start() {
        h = SandboxHarness.start();
        alice = h.sandbox.control().demoAccounts().get(0);
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
    void limitsAreReadChangedAndResetOverHttp() {
        assertThat(call("GET", "/limits", "").body()).isEqualTo("{\"enforced\":true,\"unitsPerMinute\":15000,\"concurrentRequests\":50,"
                + "\"quotaStatus\":403,\"retryAfter\":false,\"callTimeMillis\":0}");

        HttpResponse<String> changed = call("PUT", "/limits", "{\"unitsPerMinute\":6000,\"concurrentRequests\":10,\"quotaStatus\":429,"
                + "\"retryAfter\":true,\"callTimeMillis\":20}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(h.sandbox.control().limits()).isEqualTo(SandboxLimits.newProject().withConcurrentRequests(10)
                .withQuotaRefusal(SandboxLimits.QuotaRefusal.TOO_MANY_REQUESTS).withRetryAfter(true)
                .withCallTime(java.time.Duration.ofMillis(20)));
        assertThat(json(changed).get("quotaStatus").getAsInt()).isEqualTo(429);
        assertThat(json(call("PUT", "/limits", "{\"enforced\":false}")).get("concurrentRequests").getAsInt())
                .as("fields not named stay").isEqualTo(10);
        assertThat(json(call("POST", "/limits/reset", "")).get("unitsPerMinute").getAsInt()).isEqualTo(15000);
        assertThat(h.sandbox.control().limits()).isEqualTo(SandboxLimits.google());
    }

    @Test
    void usageIsReadPerUserAndResetOverHttp() throws Exception {
        String token = h.login(alice).getAccessToken();
        call("POST", "/limits/usage/reset", "");
        h.gmail(token).users().messages().list("me").execute();
        h.gmail(token).users().labels().list("me").execute();

        JsonObject usage = json(call("GET", "/accounts/" + alice + "/limits", ""));

        assertThat(usage.toString()).isEqualTo("{\"unitsLastMinute\":6,\"unitsTotal\":6,\"quotaRefusals\":0,\"concurrencyRefusals\":0,"
                + "\"inFlight\":0,\"peakConcurrency\":1}");
        assertThat(json(call("GET", "/limits/usage", "")).getAsJsonObject(alice).get("unitsTotal").getAsLong()).isEqualTo(6);
        call("POST", "/limits/usage/reset", "");
        assertThat(json(call("GET", "/accounts/" + alice + "/limits", "")).get("unitsTotal").getAsLong()).isZero();
    }

    @Test
    void badLimitChangesAre400WithAReason() {
        HttpResponse<String> status = call("PUT", "/limits", "{\"quotaStatus\":500}");
        HttpResponse<String> concurrency = call("PUT", "/limits", "{\"concurrentRequests\":0}");
        HttpResponse<String> flag = call("PUT", "/limits", "{\"enforced\":\"yes\"}");
        HttpResponse<String> account = call("GET", "/accounts/nobody@example.com/limits", "");

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(json(status).get("error").getAsString()).contains("403 or 429");
        assertThat(concurrency.statusCode()).isEqualTo(400);
        assertThat(flag.statusCode()).isEqualTo(400);
        assertThat(account.statusCode()).isEqualTo(400);
        assertThat(h.sandbox.control().limits()).isEqualTo(SandboxLimits.google());
    }
}
