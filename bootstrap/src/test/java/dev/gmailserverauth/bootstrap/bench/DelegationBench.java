package dev.gmailserverauth.bootstrap.bench;

import dev.gmailserverauth.bootstrap.AppConfig;
import dev.gmailserverauth.bootstrap.CommandLineApp;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 23, Workspace domain-wide delegation, against a sandbox-mode server with the sync on: the time to enrol and
 * first-sync a domain's mailboxes ({@code BENCH_DELEGATION_MAILBOXES}, default 200), and the token mints per mailbox
 * per hour while {@code BENCH_DELEGATION_READERS} readers (default 8) read {@code BENCH_DELEGATION_READ_MAILBOXES}
 * mailboxes (default 10) through delegation for {@code BENCH_DELEGATION_SECONDS} (default 120). Mints are counted at
 * the sandbox's token endpoint, the sync's own included.
 */
final class DelegationBench {
    private static final Duration SYNC_BOUND = Duration.ofMinutes(15);
    private static final int MESSAGES_EACH = 3;

    List<Benchmarks.Row> run() throws Exception {
        int mailboxes = intEnv("BENCH_DELEGATION_MAILBOXES", 200);
        int readers = intEnv("BENCH_DELEGATION_READERS", 8);
        int readMailboxes = Math.min(mailboxes, intEnv("BENCH_DELEGATION_READ_MAILBOXES", 10));
        int seconds = intEnv("BENCH_DELEGATION_SECONDS", 120);
        Path folder = Files.createTempDirectory("bench-delegation");
        String databaseUrl = "jdbc:sqlite:" + folder.resolve("app.db");
        Map<String, String> env = new HashMap<>(Map.of("APP_PORT", String.valueOf(TestApps.freePort()), "APP_MANAGEMENT_PORT", "0",
                "SANDBOX_PORT", String.valueOf(TestApps.freePort()), "APP_DATABASE_URL", databaseUrl,
                "GOOGLE_SERVICE_ACCOUNT_KEY", folder.resolve("service-account.json").toString(), "APP_SYNC", "on",
                "APP_SYNC_POLL_INTERVAL", "PT1H", "GMAIL_QUOTA_PROFILE", "legacy"));
        List<Benchmarks.Row> rows = new ArrayList<>();
        try (GmailServerAuth server = GmailServerAuth.start(AppConfig.fromEnvironment(env));
             Database stores = Database.open(PersistenceConfig.of(databaseUrl))) {
            GoogleSandbox sandbox = server.sandbox().orElseThrow();
            List<String> people = new ArrayList<>();
            for (int i = 0; i < mailboxes; i++) {
                String email = String.format("bench%03d@northwind.example", i);
                sandbox.delegation().addWorkspaceUser(email, "Bench " + i, false);
                for (int m = 0; m < MESSAGES_EACH; m++) {
                    sandbox.control().addMessage(email, SandboxMessage.of("Ada Admin <ada@northwind.example>", email, "Note " + m,
                            Instant.now().minusSeconds(3600L * (m + 1)), "Body " + m));
                }
                people.add(email);
            }
            sandbox.control().resetCounters();

            long start = System.nanoTime();
            int enrolled = CommandLineApp.run(new String[] {"mailboxes", "enrol", "--all"}, env);
            double enrolSeconds = (System.nanoTime() - start) / 1e9;
            List<EnrolledMailbox> all = stores.enrolledMailboxes().all();
            Eventually.within(SYNC_BOUND, Duration.ofMillis(250), () -> synced(stores, all) == all.size());
            long synced = synced(stores, all);
            double firstSyncSeconds = (System.nanoTime() - start) / 1e9;
            long mintsForEnrolment = sandbox.control().counters().roundTrips(Endpoint.TOKEN);
            rows.add(new Benchmarks.Row(String.format("(issue 23) enrol --all and first-sync %d mailboxes (%d demo ones too), %d messages each",
                    mailboxes, all.size() - mailboxes, MESSAGES_EACH), "all synced < 5 min",
                    String.format("enrol %.1f s (exit %d); %d/%d synced after %.1f s; %d token mints (%.2f per mailbox)", enrolSeconds, enrolled,
                            synced, all.size(), firstSyncSeconds, mintsForEnrolment, mintsForEnrolment / (double) all.size()),
                    "-", synced == all.size() && firstSyncSeconds < 300));

            sandbox.control().resetCounters();
            AtomicLong reads = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(readers);
            PrintStream console = System.out;
            // Thousands of command runs print their tables: the bench prints its rows only.
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int r = 0; r < readers; r++) {
                    int reader = r;
                    work.add(pool.submit(() -> {
                        int i = reader;
                        while (System.nanoTime() < end) {
                            String who = people.get(i++ % readMailboxes);
                            int code = CommandLineApp.run(new String[] {"mail", "list", "--user", who, "--max", "3"}, env);
                            (code == 0 ? reads : failed).incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : work) f.get();
            } finally {
                pool.shutdownNow();
                System.setOut(console);
            }
            long mints = sandbox.control().counters().roundTrips(Endpoint.TOKEN);
            double perMailboxPerHour = mints / (double) readMailboxes * (3600.0 / seconds);
            rows.add(new Benchmarks.Row(String.format("(issue 23) token mints per mailbox per hour: %d readers × %d s over %d mailboxes "
                            + "(each read a separate `mail list --user` run: own process state, shared database)", readers, seconds, readMailboxes),
                    "≤ 1.1 (one per token life: 60 min, renewed 5 min early)",
                    String.format("%d reads (%d failed), %d mints in the window → %.2f per mailbox per hour (window count ÷ mailboxes × 3600/%d)",
                            reads.get(), failed.get(), mints, perMailboxPerHour, seconds),
                    "consent path: one refresh per hour per person", perMailboxPerHour <= 1.1 && failed.get() == 0));
        }
        return rows;
    }

    /** Mailboxes whose first sync is done: an active sync state and mail in the index. */
    private static long synced(Database stores, List<EnrolledMailbox> all) {
        return all.stream().filter(m -> stores.syncStates().find(m.user()).filter(s -> s.status() == SyncStatus.ACTIVE).isPresent()
                && stores.messageIndex().count(m.user()) >= 1).count();
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
