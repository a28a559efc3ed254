package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enrolled mailbox of the Workspace domain is synced while its person is away, with no consent and nobody signed
 * in: enrolment asks for its first sync, mail delivered afterwards reaches the index through push and history, and
 * removing the mailbox ends its sync and deletes what was synced.
 */
class EnrolledMailboxSyncTest {
    private static final Duration BOUND = Duration.ofSeconds(40);
    private static final String CLEO = "cleo@northwind.example";

    @Test
    void anEnrolledMailboxIsSyncedWithNobodySignedInAndRemovingItLeavesNoSyncedRow(@TempDir Path folder) throws Exception {
        // An hour between polls: within the bound only the first sync and a push can bring mail in.
        Map<String, String> env = Map.of("APP_PORT", String.valueOf(TestApps.freePort()), "APP_MANAGEMENT_PORT", "0",
                "SANDBOX_PORT", String.valueOf(TestApps.freePort()), "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"),
                "GOOGLE_SERVICE_ACCOUNT_KEY", folder.resolve("keys/service-account.json").toString(),
                "APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1H");
        try (GmailServerAuth server = GmailServerAuth.start(AppConfig.fromEnvironment(env));
             CommandContext context = new CommandContext(env, Clock.systemUTC())) {
            CommandRun enrol = CommandRun.of(env, "mailboxes", "enrol", "--user", CLEO);
            assertThat(enrol.exitCode()).as(enrol.err()).isZero();
            Database stores = context.persistence();
            UserId cleo = stores.enrolledMailboxes().findByEmail(new EmailAddress(CLEO)).orElseThrow().user();
            assertThat(stores.credentials().findByUserId(cleo)).as("no consent of Cleo's").isEmpty();

            Eventually.await("the first sync indexed Cleo's mail and set up a watch", BOUND, () -> stores.messageIndex().count(cleo) >= 1
                    && stores.syncStates().find(cleo).flatMap(s -> s.watchExpiration()).isPresent());
            String id = server.sandbox().orElseThrow().control().addMessage(CLEO,
                    SandboxMessage.of("Ben Archer <ben@northwind.example>", CLEO, "While you were away", Instant.now(), "New order."));
            Eventually.await("the new mail reached the index with nobody signed in", BOUND,
                    () -> stores.messageIndex().idsSince(cleo, Instant.EPOCH).stream().anyMatch(m -> m.value().equals(id)));

            CommandRun remove = CommandRun.of(env, "mailboxes", "remove", "--user", CLEO);
            assertThat(remove.exitCode()).as(remove.err()).isZero();
            assertThat(stores.messageIndex().count(cleo)).isZero();
            assertThat(stores.syncStates().find(cleo)).isEmpty();
            assertThat(stores.enrolledMailboxes().findByUserId(cleo)).isEmpty();
        }
    }
}
