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
 * The reason the guide exists: the server reads mail while the person is away. In sandbox mode, with the default
 * configuration (the sandbox's Pub/Sub topic and signed pushes), a person signs in and leaves; mail that arrives
 * afterwards reaches the local index through Gmail's push and history, with no request of theirs, and a later list
 * is served from the index.
 */
class SyncWhileAwayTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final ApiClient api = new ApiClient();

    @Test
    void mailThatArrivesAfterThePersonLeftIsInTheIndexThroughPushWithNoRequestOfTheirs() {
        // An hour between polls: within the bound only a push can bring the new mail.
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1H"))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            String carol = control.demoAccounts().stream().filter(a -> a.startsWith("carol")).findFirst().orElseThrow();
            String cookie = new HttpSignIn().signIn(app.baseUrl(), carol);
            Eventually.await("the first sync has a checkpoint and a watch", BOUND, () -> {
                JsonObject sync = json(api.get(app.baseUrl().resolve("/api/sync"), cookie));
                return sync.get("state").getAsString().equals("ACTIVE") && !sync.get("watchExpires").isJsonNull();
            });
            JsonObject before = json(api.get(app.baseUrl().resolve("/api/sync"), cookie));

            String id = control.addMessage(carol, SandboxMessage.of("Dora <dora@example.org>", carol, "While you were away", Instant.now(), "hi"));

            // The person is away: only the server's own work may bring it in. /api/sync reads our database, not Google.
            Eventually.await("a push about the new mail was received and the history applied", BOUND, () -> {
                JsonObject sync = json(api.get(app.baseUrl().resolve("/api/sync"), cookie));
                return !sync.get("lastNotification").isJsonNull()
                        && !sync.get("checkpoint").getAsString().equals(before.get("checkpoint").getAsString());
            });
            HttpResponse<String> list = api.get(app.baseUrl().resolve("/api/messages?maxResults=10"), cookie);
            JsonObject page = json(list);
            assertThat(page.get("indexedAt").isJsonNull()).as("served from the index").isFalse();
            assertThat(page.getAsJsonArray("messages")).anySatisfy(m -> assertThat(m.getAsJsonObject().get("id").getAsString()).isEqualTo(id));
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
