package dev.gmailserverauth.bootstrap.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The watch's first push comes as the first sync ends. A push that lands after the run's last look for waiting
 * notifications, while db-scheduler still holds the job, must not wait for the next poll (an hour here): until it is
 * followed the index does not count as current and every list goes to Gmail. Found by the gap benchmark, where it
 * happened on most standalone runs.
 */
class FirstPushAfterSignInTest {
    private final ApiClient api = new ApiClient();

    @Test
    void rightAfterSignInTheListIsServedFromTheIndexWithoutWaitingForThePoll() {
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1H"))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            for (int account = 0; account < 3; account++) {
                String email = "first-push-" + account + "@example.com";
                control.addAccount(email, "First push " + account);
                for (int m = 0; m < 100; m++) {
                    control.addMessage(email, SandboxMessage.of("Sender <s@example.com>", email, "Message " + m,
                            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * m), "body"));
                }
                String cookie = new HttpSignIn().signIn(app.baseUrl(), email);
                boolean indexed = Eventually.within(Duration.ofSeconds(30), Duration.ofSeconds(1), () -> {
                    HttpResponse<String> list = api.get(app.baseUrl().resolve("/api/messages?maxResults=10"), cookie);
                    if (list.statusCode() != 200) return false;
                    JsonObject body = JsonParser.parseString(list.body()).getAsJsonObject();
                    return !body.get("indexedAt").isJsonNull();
                });
                String sync = api.get(app.baseUrl().resolve("/api/sync"), cookie).body();
                assertThat(indexed).as("account %d served from the index within 30 s; sync: %s", account, sync).isTrue();
            }
        }
    }
}
