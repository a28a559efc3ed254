package dev.gmailserverauth.bootstrap.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.AppConfig;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.IndexedPage;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reason the guide exists: the server reads mail while the person is away. In sandbox mode, with the default
 * configuration (the sandbox's Pub/Sub topic and signed pushes), a person signs in and leaves; mail that arrives
 * afterwards reaches the local index through Gmail's push and history, with no request of theirs, and a later list
 * is served from the index. A restart in between loses nothing (the checkpoint is in the database, not in memory),
 * and a disconnect leaves no row of the sync behind: no state, no indexed message, no job.
 */
class SyncWhileAwayTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final ApiClient api = new ApiClient();
    @TempDir
    Path folder;

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

    @Test
    void mailDeliveredWhileTheAppIsDownReachesTheIndexAfterARestartOnTheSameDatabase() {
        int port = TestApps.freePort();
        List<String> callbacks = List.of("http://localhost:" + port + "/oauth2/callback");
        // The sandbox outlives the app, as Google does; polling only (no topic), every second, so that what brings
        // the mail after the restart is the stored checkpoint and nothing the app kept in memory.
        try (GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(callbacks))) {
            SandboxControl control = sandbox.control();
            String database = "jdbc:sqlite:" + folder.resolve("app.db");
            Map<String, String> env = new HashMap<>(TestApps.againstSandbox(sandbox, TestApps.clientSecretsFor(sandbox.baseUrl(), callbacks), port,
                    database, Base64.getEncoder().encodeToString(new byte[32])));
            env.put("APP_SYNC", "on");
            env.put("APP_SYNC_POLL_INTERVAL", "PT1S");
            env.put("APP_SYNC_BACKFILL", "20");
            String bob = control.demoAccounts().stream().filter(a -> a.startsWith("bob")).findFirst().orElseThrow();
            String cookie;
            String before;
            try (GmailServerAuth app = GmailServerAuth.start(AppConfig.fromEnvironment(env))) {
                cookie = new HttpSignIn().signIn(app.baseUrl(), bob);
                Eventually.await("the first sync has a checkpoint and its backfill is done", BOUND,
                        () -> indexed(app.baseUrl(), cookie).size() > 0);
                String first = control.addMessage(bob, SandboxMessage.of("Eve <eve@example.org>", bob, "Before the restart", Instant.now(), "1"));
                Eventually.await("the message delivered while the app runs is indexed", BOUND, () -> indexed(app.baseUrl(), cookie).contains(first));
                before = json(api.get(app.baseUrl().resolve("/api/sync"), cookie)).get("checkpoint").getAsString();
            }

            String whileDown = control.addMessage(bob, SandboxMessage.of("Eve <eve@example.org>", bob, "While the app was down", Instant.now(), "2"));
            control.resetCounters();

            try (GmailServerAuth app = GmailServerAuth.start(AppConfig.fromEnvironment(env))) {
                String user = control.userId(bob);
                // Waits on the database: a list read while the index is not yet current would go to Gmail (a messages.list).
                Eventually.await("after the restart the index has the mail delivered while the app was down", BOUND,
                        () -> count(database, "SELECT count(*) FROM synced_messages WHERE user_id = ? AND message_id = ?", user, whileDown) == 1);
                JsonObject sync = json(api.get(app.baseUrl().resolve("/api/sync"), cookie));
                assertThat(Long.parseLong(sync.get("checkpoint").getAsString())).as("the checkpoint moved on from the stored one")
                        .isGreaterThan(Long.parseLong(before));
                assertThat(sync.get("gapsFilled").getAsInt()).as("no gap: the history from the stored checkpoint was read").isZero();
                assertThat(control.counters().calls(Endpoint.MESSAGES_LIST)).as("no backfill started over, no gap listed").isZero();
                assertThat(control.counters().calls(Endpoint.HISTORY_LIST)).as("history read from the checkpoint").isPositive();
                Eventually.await("the list is served from the index and shows it", BOUND, () -> indexed(app.baseUrl(), cookie).contains(whileDown));
            }
        }
    }

    @Test
    void disconnectLeavesNoRowOfTheSyncBehind() throws Exception {
        String database = "jdbc:sqlite:" + folder.resolve("app.db");
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1S", "APP_DATABASE_URL", database))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            String alice = control.demoAccounts().stream().filter(a -> a.startsWith("alice")).findFirst().orElseThrow();
            String user = control.userId(alice);
            String cookie = new HttpSignIn().signIn(app.baseUrl(), alice);
            String id = control.addMessage(alice, SandboxMessage.of("Dora <dora@example.org>", alice, "Synced, then disconnected", Instant.now(), "hi"));
            // Waits on the database, not on /api/messages: a list that is not yet served from the index goes to Gmail.
            Eventually.await("the account is synced: the new mail indexed, its jobs scheduled", BOUND,
                    () -> count(database, "SELECT count(*) FROM synced_messages WHERE user_id = ? AND message_id = ?", user, id) == 1
                            && rows(database, user).values().stream().allMatch(count -> count > 0));
            assertThat(control.history().watchedTopic(alice)).as("a watch").isPresent();

            HttpResponse<String> disconnect = post(app.baseUrl().resolve("/disconnect"), cookie, "csrf=" + csrf(app.baseUrl(), cookie));
            assertThat(disconnect.statusCode()).isEqualTo(303);

            // A job that was running when the person disconnected ends by itself at its next run: wait for it, bounded.
            Eventually.await("no row of the sync is left for the account", BOUND, () -> rows(database, user).values().stream().allMatch(count -> count == 0));
            assertThat(rows(database, user)).containsOnlyKeys("sync_states", "synced_messages", "synced_message_labels", "scheduled_tasks");
            assertThat(control.history().watchedTopic(alice)).as("users.stop was called").isEmpty();
        }
    }

    private List<String> indexed(URI app, String cookie) {
        return IndexedPage.ids(api, app, cookie);
    }

    /** How many rows each table of the sync holds for this account, read straight from the database file. */
    private static Map<String, Integer> rows(String database, String user) throws SQLException {
        Map<String, String> queries = Map.of(
                "sync_states", "SELECT count(*) FROM sync_states WHERE user_id = ?",
                "synced_messages", "SELECT count(*) FROM synced_messages WHERE user_id = ?",
                "synced_message_labels", "SELECT count(*) FROM synced_message_labels WHERE user_id = ?",
                "scheduled_tasks", "SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?");
        Map<String, Integer> counts = new HashMap<>();
        for (Map.Entry<String, String> query : queries.entrySet()) counts.put(query.getKey(), count(database, query.getValue(), user));
        return counts;
    }

    private static int count(String database, String sql, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setString(i + 1, parameters[i]);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private String csrf(URI app, String cookie) {
        Matcher token = CSRF.matcher(api.get(app.resolve("/messages?maxResults=1"), cookie).body());
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> post(URI uri, String cookie, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
