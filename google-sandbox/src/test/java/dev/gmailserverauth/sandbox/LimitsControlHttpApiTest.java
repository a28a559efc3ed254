package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LimitsControlHttpApiTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static final String alice = h.firstDemoAccount();

    @Test
    void limitsAreReadChangedAndResetOverHttp() {
        assertThat(h.controlApi("GET", "/limits", "").body()).isEqualTo("{\"enforced\":true,\"unitsPerMinute\":15000,\"concurrentRequests\":50,"
                + "\"quotaStatus\":403,\"retryAfter\":false,\"callTimeMillis\":0}");

        HttpResponse<String> changed = h.controlApi("PUT", "/limits", "{\"unitsPerMinute\":6000,\"concurrentRequests\":10,\"quotaStatus\":429,"
                + "\"retryAfter\":true,\"callTimeMillis\":20}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(h.sandbox.control().limits()).isEqualTo(SandboxLimits.newProject().withConcurrentRequests(10)
                .withQuotaRefusal(SandboxLimits.QuotaRefusal.TOO_MANY_REQUESTS).withRetryAfter(true)
                .withCallTime(java.time.Duration.ofMillis(20)));
        assertThat(json(changed).get("quotaStatus").getAsInt()).isEqualTo(429);
        assertThat(json(h.controlApi("PUT", "/limits", "{\"enforced\":false}")).get("concurrentRequests").getAsInt())
                .as("fields not named stay").isEqualTo(10);
        assertThat(json(h.controlApi("POST", "/limits/reset", "")).get("unitsPerMinute").getAsInt()).isEqualTo(15000);
        assertThat(h.sandbox.control().limits()).isEqualTo(SandboxLimits.google());
    }

    @Test
    void usageIsReadPerUserAndResetOverHttp() throws Exception {
        String token = h.login(alice).getAccessToken();
        h.controlApi("POST", "/limits/usage/reset", "");
        h.gmail(token).users().messages().list("me").execute();
        h.gmail(token).users().labels().list("me").execute();

        JsonObject usage = json(h.controlApi("GET", "/accounts/" + alice + "/limits", ""));

        assertThat(usage.toString()).isEqualTo("{\"unitsLastMinute\":6,\"unitsTotal\":6,\"quotaRefusals\":0,\"concurrencyRefusals\":0,"
                + "\"inFlight\":0,\"peakConcurrency\":1}");
        assertThat(json(h.controlApi("GET", "/limits/usage", "")).getAsJsonObject(alice).get("unitsTotal").getAsLong()).isEqualTo(6);
        h.controlApi("POST", "/limits/usage/reset", "");
        assertThat(json(h.controlApi("GET", "/accounts/" + alice + "/limits", "")).get("unitsTotal").getAsLong()).isZero();
    }

    @Test
    void badLimitChangesAre400WithAReason() {
        HttpResponse<String> status = h.controlApi("PUT", "/limits", "{\"quotaStatus\":500}");
        HttpResponse<String> concurrency = h.controlApi("PUT", "/limits", "{\"concurrentRequests\":0}");
        HttpResponse<String> flag = h.controlApi("PUT", "/limits", "{\"enforced\":\"yes\"}");
        HttpResponse<String> account = h.controlApi("GET", "/accounts/nobody@example.com/limits", "");

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(json(status).get("error").getAsString()).contains("403 or 429");
        assertThat(concurrency.statusCode()).isEqualTo(400);
        assertThat(flag.statusCode()).isEqualTo(400);
        assertThat(account.statusCode()).isEqualTo(400);
        assertThat(h.sandbox.control().limits()).isEqualTo(SandboxLimits.google());
    }
}
