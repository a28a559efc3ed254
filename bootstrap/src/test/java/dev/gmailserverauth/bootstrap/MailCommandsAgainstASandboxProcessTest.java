package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.SandboxMain;
import dev.gmailserverauth.testing.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail and users commands as an operator runs them: Google is the sandbox running in its own process
 * ({@link SandboxMain}), the server signs a person in through it, and the commands then read that person's
 * mail with the stored credential, no browser, with the server's environment variables.
 */
class MailCommandsAgainstASandboxProcessTest {
    private static final String ALICE = "alice@example.com";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process sandbox;
    private static URI sandboxUrl;
    private static int appPort;

    @TempDir
    Path folder;

    @BeforeAll
    static void startTheSandboxProcess() throws Exception {
        int port = TestApps.freePort();
        appPort = TestApps.freePort();
        sandboxUrl = URI.create("http://127.0.0.1:" + port);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        sandbox = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName(),
                String.valueOf(port), "http://localhost:" + appPort + "/oauth2/callback")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Eventually.await("the sandbox process answers", Duration.ofSeconds(60), () -> {
            if (!sandbox.isAlive()) throw new AssertionError("the sandbox process ended before it answered");
            return answers(sandboxUrl.resolve("/__sandbox/accounts"));
        });
    }

    @AfterAll
    static void stopTheSandboxProcess() {
        if (sandbox != null) sandbox.destroyForcibly();
    }

    @Test
    void mailCommandsReadTheMailboxOfASignedInPersonAndRefreshOnTheirOwn() throws Exception {
        Map<String, String> env = environment();
        try (GmailServerAuth server = GmailServerAuth.start(AppConfig.fromEnvironment(env))) {
            String cookie = new HttpSignIn().signIn(server.baseUrl(), ALICE);

            CommandRun list = CommandRun.of(env, "mail", "list", "--user", ALICE, "--max", "5");

            assertThat(list.exitCode()).as(list.err()).isZero();
            List<String> lines = list.out().lines().toList();
            assertThat(lines.get(0)).startsWith("ID").contains("DATE", "FROM", "SUBJECT");
            assertThat(lines).hasSize(7).last().asString().contains("more");
            String firstId = lines.get(1).split("\\s+")[0];

            post(sandboxUrl.resolve("/__sandbox/accounts/" + ALICE + "/expire-tokens"));
            long refreshesBefore = refreshes();
            CommandRun afterExpiry = CommandRun.of(env, "mail", "list", "--user", ALICE, "--query", "is:unread", "--max", "3");
            assertThat(afterExpiry.exitCode()).as(afterExpiry.err()).isZero();
            assertThat(refreshes()).as("the stored refresh token got a new access token").isEqualTo(refreshesBefore + 1);

            CommandRun show = CommandRun.of(env, "mail", "show", "--user", ALICE, firstId);
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out()).contains("From: ", "Subject: ", "Labels: ");

            Path export = folder.resolve("alice.jsonl");
            CommandRun exported = CommandRun.of(env, "mail", "export", "--user", ALICE, "--max", "120", "--out", export.toString());
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            List<String> rows = Files.readAllLines(export);
            assertThat(rows).hasSize(120);
            assertThat(rows).allSatisfy(row -> assertThat(JsonParser.parseString(row).getAsJsonObject().has("subject")).isTrue());
            assertThat(exported.err()).as("plain progress lines, not a bar, when not on a terminal").doesNotContain("\r").contains("exported 120 message(s), done");

            for (CommandRun run : List.of(list, afterExpiry, show, exported)) {
                assertThat(run.all()).doesNotContain("ya29.").doesNotContain("1//");
            }

            CommandRun missing = CommandRun.of(env, "mail", "show", "--user", ALICE, "0000000000000000");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err().strip()).doesNotContain("\n").contains("not found");

            long revokesBefore = revokes();
            CommandRun disconnect = CommandRun.of(env, "users", "disconnect", ALICE);
            assertThat(disconnect.exitCode()).as(disconnect.err()).isZero();
            assertThat(disconnect.out()).contains("disconnected " + ALICE).contains("every session of the person ended");
            assertThat(revokes()).isEqualTo(revokesBefore + 1);
            assertThat(new ApiClient().get(server.baseUrl().resolve("/api/me"), cookie).statusCode()).as("the session ended").isEqualTo(401);
            CommandRun gone = CommandRun.of(env, "mail", "list", "--user", ALICE);
            assertThat(gone.exitCode()).isEqualTo(1);
            assertThat(gone.err()).contains("no stored credential for " + ALICE);
            assertThat(CommandRun.of(env, "users", "list").out()).contains("no stored credentials");
        }
    }

    private Map<String, String> environment() {
        String root = sandboxUrl + "/";
        Map<String, String> env = new HashMap<>();
        env.put("GMAIL_CLIENT_SECRETS", TestApps.clientSecretsFor(sandboxUrl, List.of("http://localhost:" + appPort + "/oauth2/callback")).toString());
        env.put("APP_PORT", String.valueOf(appPort));
        env.put("APP_MANAGEMENT_PORT", "0");
        env.put("APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"));
        // The test counts the refreshes the commands make; the background sync would refresh on its own schedule too.
        env.put("APP_SYNC", "off");
        env.put("GOOGLE_API_ROOT_URL", root);
        env.put("GOOGLE_USERINFO_ROOT_URL", root);
        env.put("GOOGLE_REVOKE_URL", root + "revoke");
        env.put("GOOGLE_ISSUER", sandboxUrl.toString());
        env.put("GOOGLE_RISC_ISSUER", root);
        return env;
    }

    private static long refreshes() throws Exception {
        return counters().get("refreshes").getAsLong();
    }

    private static long revokes() throws Exception {
        return counters().getAsJsonObject("roundTrips").get("REVOKE").getAsLong();
    }

    private static com.google.gson.JsonObject counters() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(sandboxUrl.resolve("/__sandbox/counters")).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static void post(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private static boolean answers(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
