package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.persistence.testing.PostgresServer;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key rotation procedure of the README, end to end: two instances on one PostgreSQL database, each
 * restarted in turn with the new configuration, {@code keys rotate} run while both serve people whose
 * tokens are being refreshed (so rows are written with the keys of the moment). At every step every
 * person reads their mail on either instance: no row lost, no instance unable to read.
 */
class KeyRotationAcrossInstancesTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static final List<String> PEOPLE = List.of("alice@example.com", "bob@example.com", "carol@example.com");

    private final ApiClient api = new ApiClient();
    @TempDir
    Path folder;

    @Test
    void theDocumentedRollOutKeepsEveryRowReadableOnBothInstancesAtEveryStep() throws Exception {
        int portA = TestApps.freePort();
        int portB = TestApps.freePort();
        List<String> callbacks = List.of("http://localhost:" + portA + "/oauth2/callback", "http://localhost:" + portB + "/oauth2/callback");
        try (GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(callbacks))) {
            Path secrets = TestApps.clientSecretsFor(sandbox.baseUrl(), callbacks);
            String database = POSTGRES.newDatabaseUrl();
            String oldKey = Base64.getEncoder().encodeToString(new byte[32]);
            Instances instances = new Instances(sandbox, secrets, database, portA, portB);
            try {
                instances.restartBoth(oldKey);
                Map<String, String> cookies = new LinkedHashMap<>();
                cookies.put(PEOPLE.get(0), new HttpSignIn().signIn(instances.urlA(), PEOPLE.get(0)));
                cookies.put(PEOPLE.get(1), new HttpSignIn().signIn(instances.urlB(), PEOPLE.get(1)));
                assertEveryoneReadsOnBoth(instances, cookies);

                Path newKeyFile = folder.resolve("new.key");
                CommandRun generate = CommandRun.of(instances.env(portA, oldKey), "keys", "generate", "--out", newKeyFile.toString());
                assertThat(generate.exitCode()).as(generate.err()).isZero();
                String newKey = Files.readString(newKeyFile).strip();

                // 1. every instance reads the new key, still writes with the old one; restarted one at a time.
                instances.restartA(oldKey + "," + newKey);
                cookies.put(PEOPLE.get(2), new HttpSignIn().signIn(instances.urlA(), PEOPLE.get(2)));
                refreshEveryoneOn(instances.urlA(), sandbox.control(), cookies);
                assertEveryoneReadsOnBoth(instances, cookies);
                instances.restartB(oldKey + "," + newKey);
                assertEveryoneReadsOnBoth(instances, cookies);

                // 2. every instance writes with the new key; while A does and B does not yet, both read everything.
                instances.restartA(newKey + "," + oldKey);
                refreshEveryoneOn(instances.urlA(), sandbox.control(), cookies);
                assertEveryoneReadsOnBoth(instances, cookies);
                instances.restartB(newKey + "," + oldKey);
                assertEveryoneReadsOnBoth(instances, cookies);

                // 3. keys rotate, online: both instances keep serving, and refreshing, while it runs.
                ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
                AtomicBoolean rotating = new AtomicBoolean(true);
                Thread traffic = new Thread(() -> {
                    for (int round = 0; rotating.get() && round < 200; round++) {
                        if (round % 5 == 0) PEOPLE.forEach(sandbox.control()::expireAccessTokens);
                        for (URI instance : List.of(instances.urlA(), instances.urlB())) {
                            cookies.values().forEach(cookie -> statuses.add(api.get(instance.resolve("/api/messages?maxResults=3"), cookie).statusCode()));
                        }
                    }
                }, "traffic-during-rotation");
                traffic.start();
                CommandRun rotate = CommandRun.of(instances.env(portA, newKey + "," + oldKey), "keys", "rotate");
                rotating.set(false);
                traffic.join();
                assertThat(rotate.exitCode()).as(rotate.out() + rotate.err()).isZero();
                assertThat(rotate.out()).contains("re-encrypted to key").contains("set APP_ENCRYPTION_KEY to its first key alone");
                assertThat(rotate.all()).doesNotContain(newKey).doesNotContain(oldKey);
                assertThat(statuses).isNotEmpty().containsOnly(200);
                CommandRun status = CommandRun.of(instances.env(portA, newKey + "," + oldKey), "keys", "status");
                assertThat(status.out()).contains("status: every sealed row is under the current key");

                // 4. the new key alone: an instance starts only if no row needs the old key.
                instances.restartA(newKey);
                instances.restartB(newKey);
                assertEveryoneReadsOnBoth(instances, cookies);
                assertThat(instances.ready(instances.urlA())).isEqualTo(200);
                assertThat(instances.ready(instances.urlB())).isEqualTo(200);
                CommandRun users = CommandRun.of(instances.env(portA, newKey), "users", "list");
                assertThat(users.out().lines().skip(1).toList()).as("no row lost").hasSize(3);
                CommandRun withOldKey = CommandRun.of(instances.env(portA, oldKey), "users", "list");
                assertThat(withOldKey.exitCode()).as("the old key opens nothing any more").isEqualTo(2);
            } finally {
                instances.close();
            }
        }
    }

    private void assertEveryoneReadsOnBoth(Instances instances, Map<String, String> cookies) {
        for (URI instance : List.of(instances.urlA(), instances.urlB())) {
            cookies.forEach((email, cookie) -> assertThat(api.get(instance.resolve("/api/messages?maxResults=3"), cookie).statusCode())
                    .as(email + " on " + instance).isEqualTo(200));
        }
    }

    /** Every access token dies and is refreshed on {@code instance}: each credential is written again, with that instance's current key. */
    private void refreshEveryoneOn(URI instance, SandboxControl control, Map<String, String> cookies) {
        cookies.keySet().forEach(control::expireAccessTokens);
        cookies.values().forEach(cookie -> assertThat(api.get(instance.resolve("/api/messages?maxResults=3"), cookie).statusCode()).isEqualTo(200));
    }

    /** Instances A and B on their fixed ports, restarted with a new APP_ENCRYPTION_KEY. */
    private static final class Instances implements AutoCloseable {
        private final GoogleSandbox sandbox;
        private final Path secrets;
        private final String database;
        private final int portA;
        private final int portB;
        private GmailServerAuth a;
        private GmailServerAuth b;

        Instances(GoogleSandbox sandbox, Path secrets, String database, int portA, int portB) {
            this.sandbox = sandbox;
            this.secrets = secrets;
            this.database = database;
            this.portA = portA;
            this.portB = portB;
        }

        Map<String, String> env(int port, String keys) {
            return TestApps.againstSandbox(sandbox, secrets, port, database, keys);
        }

        void restartBoth(String keys) {
            restartA(keys);
            restartB(keys);
        }

        void restartA(String keys) {
            if (a != null) a.close();
            a = GmailServerAuth.start(AppConfig.fromEnvironment(env(portA, keys)));
        }

        void restartB(String keys) {
            if (b != null) b.close();
            b = GmailServerAuth.start(AppConfig.fromEnvironment(env(portB, keys)));
        }

        URI urlA() {
            return a.baseUrl();
        }

        URI urlB() {
            return b.baseUrl();
        }

        int ready(URI instance) {
            return new ApiClient().get(instance.resolve("/health/ready"), "").statusCode();
        }

        @Override
        public void close() {
            List<GmailServerAuth> open = new ArrayList<>();
            if (a != null) open.add(a);
            if (b != null) open.add(b);
            open.forEach(GmailServerAuth::close);
        }
    }
}
