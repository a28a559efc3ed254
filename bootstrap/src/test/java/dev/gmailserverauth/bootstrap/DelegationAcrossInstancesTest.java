package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.DelegatedOutcome;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Domain-wide delegation configured as against Google (client secrets, a key file, a domain and its administrator),
 * with the sandbox playing Google: two instances sharing PostgreSQL mint one token between them for 100 concurrent
 * reads of one mailbox (the refresh lock and the stored token).
 */
class DelegationAcrossInstancesTest {
    private static final String BEN = "ben@northwind.example";

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Test
    void twoInstancesOnOnePostgresMintOneTokenFor100ConcurrentReads(@TempDir Path folder) throws Exception {
        try (GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of("http://localhost:8080/oauth2/callback")))) {
            Path key = folder.resolve("service-account.json");
            sandbox.delegation().writeServiceAccountKey(key);
            Path secrets = TestApps.clientSecretsFor(sandbox.baseUrl(), List.of("http://localhost:8080/oauth2/callback"));
            Map<String, String> env = new HashMap<>(TestApps.againstSandbox(sandbox, secrets, 8080, POSTGRES.newDatabaseUrl(),
                    Base64.getEncoder().encodeToString(new byte[32])));
            env.put("GOOGLE_SERVICE_ACCOUNT_KEY", key.toString());
            env.put("GOOGLE_WORKSPACE_DOMAIN", sandbox.delegation().workspaceDomain());
            env.put("GOOGLE_WORKSPACE_ADMIN", sandbox.delegation().workspaceAdmin());
            env.put("GOOGLE_ADMIN_ROOT_URL", sandbox.baseUrl() + "/");
            assertThat(CommandRun.of(env, "db", "migrate").exitCode()).isZero();
            CommandRun enrol = CommandRun.of(env, "mailboxes", "enrol", "--all");
            assertThat(enrol.exitCode()).as(enrol.err()).isZero();
            assertThat(enrol.out()).contains("3 enrolled, 0 already enrolled, 1 skipped");

            try (CommandContext first = new CommandContext(env, Clock.systemUTC()); CommandContext second = new CommandContext(env, Clock.systemUTC())) {
                List<CommandContext> instances = List.of(first, second);
                instances.forEach(CommandContext::delegation);
                sandbox.control().resetCounters();
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(100);
                try {
                    List<Future<Integer>> reads = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        CommandContext instance = instances.get(i % 2);
                        reads.add(pool.submit(() -> {
                            start.await();
                            return read(instance);
                        }));
                    }
                    start.countDown();
                    for (Future<Integer> read : reads) assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo(2);
                } finally {
                    pool.shutdownNow();
                }
            }

            assertThat(sandbox.control().counters().roundTrips(Endpoint.TOKEN)).isEqualTo(1);
            Files.deleteIfExists(secrets);
        }
    }

    private static int read(CommandContext instance) {
        MailboxGrant grant = instance.delegation().access().open(new EmailAddress(BEN)).fold(DelegatedOutcome.Opened::grant, n -> {
            throw new AssertionError("not enrolled");
        }, r -> {
            throw new AssertionError(r.refusal().explanation());
        });
        MailOutcome<ListMessages.Listing> page = instance.mail().listMessages().list(grant,
                new ListMessages.Query(SearchQuery.ALL, Optional.empty(), new PageSize(5)));
        return page instanceof MailOutcome.Success<ListMessages.Listing> ok ? ok.value().page().items().size() : -1;
    }
}
