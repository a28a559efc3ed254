package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the release before people and linked accounts (schema 4, with credentials, sessions and
 * history made by real sign-ins against the sandbox) is opened by this release: every person signed in before
 * is still signed in with the same cookie, has one account, and reads their mail, through the whole app.
 * SQLite and PostgreSQL.
 */
class UpgradeFromPreviousReleaseTest {
    private static final List<String> PEOPLE = List.of("alice@example.com", "bob@example.com");
    /** The tables of schema 4, with the columns that release wrote (web_sessions had no person then). */
    private static final Map<String, String> SCHEMA_4_ROWS = new LinkedHashMap<>();

    static {
        SCHEMA_4_ROWS.put("encryption_keys", "key_id, key_check, created_at");
        SCHEMA_4_ROWS.put("key_canary", "id, sealed, key_id, written_at");
        SCHEMA_4_ROWS.put("credentials", "user_id, email, refresh_token, access_token, access_token_expires_at, granted_scopes, created_at,"
                + " updated_at, key_id, refresh_token_expires_at, refresh_token_prefix_sha256");
        SCHEMA_4_ROWS.put("web_sessions", "session_key, user_id, created_at, last_seen_at, expires_at");
        SCHEMA_4_ROWS.put("account_history", "user_id, at, kind, detail");
    }

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path folder;

    @Test
    void sqliteDatabaseOfThePreviousReleaseKeepsEveryoneSignedInReadingTheirMail() throws Exception {
        upgrade("jdbc:sqlite:" + folder.resolve("made-now.db"), "jdbc:sqlite:" + folder.resolve("previous-release.db"), "sqlite");
    }

    @Test
    void postgresDatabaseOfThePreviousReleaseKeepsEveryoneSignedInReadingTheirMail() throws Exception {
        upgrade(POSTGRES.newDatabaseUrl(), POSTGRES.newDatabaseUrl(), "postgresql");
    }

    /**
     * Signs everyone in on a database made now, copies what schema 4 held into a database migrated only up to
     * schema 4, and starts this release on that one.
     */
    private void upgrade(String madeNow, String previousRelease, String dialect) throws Exception {
        int port = TestApps.freePort();
        List<String> callbacks = List.of("http://localhost:" + port + "/oauth2/callback");
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(callbacks))) {
            Path secrets = TestApps.clientSecretsFor(sandbox.baseUrl(), callbacks);
            Map<String, String> cookies = new LinkedHashMap<>();
            try (GmailServerAuth before = GmailServerAuth.start(AppConfig.fromEnvironment(
                    TestApps.againstSandbox(sandbox, secrets, port, madeNow, key)), Clock.systemUTC())) {
                for (String email : PEOPLE) cookies.put(email, new HttpSignIn().signIn(before.baseUrl(), email));
            }
            Flyway.configure().dataSource(previousRelease, null, null).locations("classpath:db/migration/" + dialect).target("4").load().migrate();
            copySchema4Rows(madeNow, previousRelease);

            try (GmailServerAuth after = GmailServerAuth.start(AppConfig.fromEnvironment(
                    TestApps.againstSandbox(sandbox, secrets, port, previousRelease, key)), Clock.systemUTC())) {
                ApiClient api = new ApiClient();
                for (String email : PEOPLE) {
                    String cookie = cookies.get(email);
                    JsonArray accounts = json(api.get(after.baseUrl().resolve("/api/accounts"), cookie)).getAsJsonArray("accounts");
                    assertThat(accounts).hasSize(1);
                    assertThat(accounts.get(0).getAsJsonObject().get("email").getAsString()).isEqualTo(email);
                    assertThat(accounts.get(0).getAsJsonObject().get("state").getAsString()).isEqualTo("connected");
                    assertThat(json(api.get(after.baseUrl().resolve("/api/me"), cookie)).get("email").getAsString()).isEqualTo(email);
                    assertThat(json(api.get(after.baseUrl().resolve("/api/messages?maxResults=5"), cookie)).getAsJsonArray("messages"))
                            .as(email + " reads their mail").isNotEmpty();
                    assertThat(api.get(after.baseUrl().resolve("/api/account"), cookie).body()).contains("\"kind\":\"CONNECTED\"");
                }
            }
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static void copySchema4Rows(String from, String to) throws SQLException {
        try (Connection source = DriverManager.getConnection(from); Connection target = DriverManager.getConnection(to)) {
            for (Map.Entry<String, String> table : SCHEMA_4_ROWS.entrySet()) {
                int columns = table.getValue().split(",").length;
                String insert = "INSERT INTO " + table.getKey() + " (" + table.getValue() + ") VALUES (" + "?, ".repeat(columns - 1) + "?)";
                try (PreparedStatement select = source.prepareStatement("SELECT " + table.getValue() + " FROM " + table.getKey());
                     ResultSet rows = select.executeQuery();
                     PreparedStatement write = target.prepareStatement(insert)) {
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) write.setObject(i, rows.getObject(i));
                        write.executeUpdate();
                    }
                }
            }
        }
    }
}
