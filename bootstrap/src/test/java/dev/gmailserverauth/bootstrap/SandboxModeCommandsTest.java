package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In sandbox mode the sandbox lives inside the server: a mail command reaches it on the same fixed SANDBOX_PORT, and says so when there is none. */
class SandboxModeCommandsTest {

    @Test
    void mailCommandsReachTheServersSandboxOnAFixedPortAndExplainWhenThereIsNone(@TempDir Path folder) {
        Map<String, String> env = Map.of("APP_PORT", String.valueOf(TestApps.freePort()), "APP_MANAGEMENT_PORT", "0",
                "SANDBOX_PORT", String.valueOf(TestApps.freePort()), "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"));
        try (GmailServerAuth server = GmailServerAuth.start(AppConfig.fromEnvironment(env))) {
            String email = server.sandbox().orElseThrow().control().demoAccounts().get(0);
            new HttpSignIn().signIn(server.baseUrl(), email);

            CommandRun list = CommandRun.of(env, "mail", "list", "--user", email, "--max", "2");

            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out().lines()).hasSize(4);

            Map<String, String> noFixedPort = new java.util.HashMap<>(env);
            noFixedPort.remove("SANDBOX_PORT");
            CommandRun without = CommandRun.of(noFixedPort, "mail", "list", "--user", email);
            assertThat(without.exitCode()).isEqualTo(1);
            assertThat(without.err()).contains("SANDBOX_PORT");
        }
    }
}
