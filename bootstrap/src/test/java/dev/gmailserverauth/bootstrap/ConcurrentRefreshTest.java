package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.persistence.testing.PostgresServer;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Right after the access token died, many concurrent requests for one user cause exactly one token
 * refresh: within one instance (single flight), and across two instances sharing PostgreSQL (the
 * refresh lock). Counted by the sandbox, not timed.
 */
class ConcurrentRefreshTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    /**
     * A hundred first views of one person at once cost 100 × (5 + 10 × 20) units on the quota table of new projects,
     * more than its 6,000 a minute, and would rightly be rate limited: these tests are about the refresh, so they
     * run on the long-standing table, where the hundred fit.
     */
    private static final Map<String, String> ROOM_FOR_A_HUNDRED_FIRST_VIEWS = Map.of("GMAIL_QUOTA_PROFILE", "legacy");

    private final ApiClient api = new ApiClient();

    @Test
    void oneHundredConcurrentRequestsAfterExpiryCauseOneRefreshAndNoError() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp(ROOM_FOR_A_HUNDRED_FIRST_VIEWS)) {
            var control = app.sandbox().orElseThrow().control();
            String email = control.demoAccounts().get(0);
            String cookie = new HttpSignIn().signIn(app.baseUrl(), email);
            control.expireAccessTokens(email);
            control.resetCounters();

            List<Integer> statuses = hammer(List.of(app.baseUrl()), cookie, 100);

            assertThat(statuses).containsOnly(200);
            assertThat(control.counters().refreshes()).isEqualTo(1);
        }
    }

    @Test
    void twoInstancesOnOnePostgresRefreshOnceBetweenThem() throws Exception {
        int portA = TestApps.freePort();
        int portB = TestApps.freePort();
        URI a = URI.create("http://localhost:" + portA);
        URI b = URI.create("http://localhost:" + portB);
        try (GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of(a + "/oauth2/callback", b + "/oauth2/callback")))) {
            Path secrets = TestApps.clientSecretsFor(sandbox.baseUrl(), List.of(a + "/oauth2/callback", b + "/oauth2/callback"));
            String database = POSTGRES.newDatabaseUrl();
            String key = Base64.getEncoder().encodeToString(new byte[32]);
            try (GmailServerAuth first = GmailServerAuth.start(AppConfig.fromEnvironment(roomy(TestApps.againstSandbox(sandbox, secrets, portA, database, key))));
                    GmailServerAuth second = GmailServerAuth.start(AppConfig.fromEnvironment(roomy(TestApps.againstSandbox(sandbox, secrets, portB, database, key))))) {
                String email = sandbox.control().demoAccounts().get(0);
                String cookie = new HttpSignIn().signIn(a, email);
                assertThat(api.get(b.resolve("/api/me"), cookie).statusCode()).as("the session is shared through PostgreSQL").isEqualTo(200);
                sandbox.control().expireAccessTokens(email);
                sandbox.control().resetCounters();

                List<Integer> statuses = hammer(List.of(a, b), cookie, 100);

                assertThat(statuses).containsOnly(200);
                assertThat(sandbox.control().counters().refreshes()).isEqualTo(1);
            }
        }
    }

    private static Map<String, String> roomy(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(ROOM_FOR_A_HUNDRED_FIRST_VIEWS);
        return all;
    }

    private List<Integer> hammer(List<URI> instances, String cookie, int requests) throws Exception {
        return ConcurrentRequests.fire(api, instances.stream().map(i -> i.resolve("/api/messages?maxResults=10")).toList(), cookie, requests);
    }

}
