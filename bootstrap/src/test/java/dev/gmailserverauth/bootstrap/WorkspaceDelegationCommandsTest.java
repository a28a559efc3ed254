package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.DelegatedOutcome;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxDelegation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Domain-wide delegation from the command line against the server's sandbox (its demo service account and Workspace
 * domain): an operator enrols the domain and reads a mailbox nobody consented to; refusals say what to do.
 */
class WorkspaceDelegationCommandsTest {
    private static final String GMAIL = "https://www.googleapis.com/auth/gmail.readonly";
    private static final String DIRECTORY = "https://www.googleapis.com/auth/admin.directory.user.readonly";
    private static final String GROUPS = "https://www.googleapis.com/auth/admin.directory.group.member.readonly";
    private static final String BEN = "ben@northwind.example";
    private static final String CLEO = "cleo@northwind.example";

    private static Map<String, String> env(Path folder) {
        return Map.of("APP_PORT", String.valueOf(TestApps.freePort()), "APP_MANAGEMENT_PORT", "0",
                "SANDBOX_PORT", String.valueOf(TestApps.freePort()), "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"),
                "GOOGLE_SERVICE_ACCOUNT_KEY", folder.resolve("keys/service-account.json").toString(),
                // The sync of enrolled mailboxes mints tokens on its own schedule: EnrolledMailboxSyncTest tests it.
                "APP_SYNC", "off");
    }

    @Test
    void anOperatorEnrolsTheDomainAndReadsAMailboxNobodyConsentedTo(@TempDir Path folder) throws Exception {
        Map<String, String> env = env(folder);
        try (GmailServerAuth server = GmailServerAuth.start(AppConfig.fromEnvironment(env))) {
            SandboxDelegation sandbox = server.sandbox().orElseThrow().delegation();
            Path key = folder.resolve("keys/service-account.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

            CommandRun enrol = CommandRun.of(env, "mailboxes", "enrol", "--all");
            assertThat(enrol.exitCode()).as(enrol.err()).isZero();
            assertThat(enrol.out()).contains("enrolled  ada@northwind.example", "enrolled  " + BEN, "enrolled  " + CLEO,
                    "skipped   dev@northwind.example (suspended)", "3 enrolled, 0 already enrolled, 1 skipped");

            CommandRun read = CommandRun.of(env, "mail", "list", "--user", BEN);
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).contains("Supplier contract", "Welcome to Northwind");

            CommandRun listed = CommandRun.of(env, "mailboxes", "list");
            assertThat(listed.out()).contains(BEN, CLEO).doesNotContain("ya29");
            assertThat(listed.out().lines().filter(l -> l.contains(BEN)).findFirst().orElseThrow()).doesNotEndWith("-");

            sandbox.removeDelegation(sandbox.serviceAccountClientId());
            CommandRun notDelegated = CommandRun.of(env, "mail", "list", "--user", CLEO);
            assertThat(notDelegated.exitCode()).isEqualTo(1);
            assertThat(notDelegated.err()).contains(sandbox.serviceAccountClientId(), GMAIL, "Manage Domain Wide Delegation");
            sandbox.delegate(sandbox.serviceAccountClientId(), List.of(GMAIL, DIRECTORY, GROUPS));

            sandbox.answerGmailFor(CLEO, BEN);
            CommandRun misrouted = CommandRun.of(env, "mail", "list", "--user", CLEO);
            assertThat(misrouted.exitCode()).isEqualTo(1);
            assertThat(misrouted.err()).contains("Gmail answered for " + BEN + " when asked for " + CLEO);
            assertThat(misrouted.out()).doesNotContain("Supplier contract");
            sandbox.clearGmailMisroutes();

            CommandRun removed = CommandRun.of(env, "mailboxes", "remove", "--user", BEN);
            assertThat(removed.out()).contains("removed " + BEN);
            CommandRun gone = CommandRun.of(env, "mail", "list", "--user", BEN);
            assertThat(gone.exitCode()).isEqualTo(1);
            assertThat(gone.err()).contains("no stored credential for " + BEN + " (see users list), nor an enrolled mailbox");

            CommandRun stranger = CommandRun.of(env, "mailboxes", "enrol", "--user", "eve@northwind.example");
            assertThat(stranger.exitCode()).isEqualTo(1);
            assertThat(stranger.out()).contains("unknown   eve@northwind.example (not a user of the domain)");
            CommandRun group = CommandRun.of(env, "mailboxes", "enrol", "--group", "sales@northwind.example");
            assertThat(group.exitCode()).as(group.err()).isZero();
            assertThat(group.out()).contains("enrolled  " + BEN, "already   " + CLEO, "skipped   dev@northwind.example (suspended)",
                    "unknown   olivia.chen@example.org (not a user of the domain)", "1 enrolled, 1 already enrolled, 1 skipped, 1 unknown");
            CommandRun noGroup = CommandRun.of(env, "mailboxes", "enrol", "--group", "nope@northwind.example");
            assertThat(noGroup.exitCode()).isEqualTo(1);
            assertThat(noGroup.err()).contains("there is no group nope@northwind.example");
            CommandRun both = CommandRun.of(env, "mailboxes", "enrol", "--all", "--user", BEN);
            assertThat(both.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aConfiguredKeyFileIsCheckedAtStartAndRefusedWhenOthersCanReadIt(@TempDir Path folder) throws Exception {
        Path key = folder.resolve("service-account.json");
        try (dev.gmailserverauth.sandbox.GoogleSandbox google = dev.gmailserverauth.sandbox.GoogleSandbox.start(
                dev.gmailserverauth.sandbox.SandboxConfig.defaults(List.of()))) {
            google.delegation().writeServiceAccountKey(key);
        }
        AppConfig config = AppConfig.fromEnvironment(Map.of("GMAIL_CLIENT_SECRETS", folder.resolve("client_secrets.json").toString(),
                "GOOGLE_SERVICE_ACCOUNT_KEY", key.toString(), "GOOGLE_WORKSPACE_DOMAIN", "northwind.example",
                "GOOGLE_WORKSPACE_ADMIN", "ada@northwind.example"));

        DelegationWiring.prepare(config, Optional.empty());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DelegationWiring.prepare(config, Optional.empty()))
                .hasMessageContaining(key.toString()).hasMessageContaining("chmod 600").hasMessageNotContaining("PRIVATE KEY");
        Files.writeString(key, "{\"type\": \"service_account\"}");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DelegationWiring.prepare(config, Optional.empty()))
                .hasMessageContaining("is not a service account key");
    }

    @Test
    void aTokenIsMintedOnceFor100ConcurrentReadsOfOneMailbox(@TempDir Path folder) throws Exception {
        Map<String, String> env = env(folder);
        try (GmailServerAuth server = GmailServerAuth.start(AppConfig.fromEnvironment(env));
             CommandContext context = new CommandContext(env, Clock.systemUTC())) {
            assertThat(CommandRun.of(env, "mailboxes", "enrol", "--user", BEN).exitCode()).isZero();
            server.sandbox().orElseThrow().control().resetCounters();
            DelegationWiring delegation = context.delegation();
            ListMessages listMessages = context.mail().listMessages();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(100);
            try {
                List<Future<Integer>> reads = IntStream.range(0, 100).mapToObj(i -> pool.submit(() -> {
                    start.await();
                    MailboxGrant grant = delegation.access().open(new EmailAddress(BEN)).fold(DelegatedOutcome.Opened::grant, n -> {
                        throw new AssertionError("not enrolled");
                    }, r -> {
                        throw new AssertionError(r.refusal().explanation());
                    });
                    MailOutcome<ListMessages.Listing> page = listMessages.list(grant, new ListMessages.Query(SearchQuery.ALL, Optional.empty(),
                            new PageSize(5)));
                    return page instanceof MailOutcome.Success<ListMessages.Listing> ok ? ok.value().page().items().size() : -1;
                })).toList();
                start.countDown();
                for (Future<Integer> read : reads) assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }

            assertThat(server.sandbox().orElseThrow().control().counters().roundTrips(Endpoint.TOKEN)).isEqualTo(1);
        }
    }
}
