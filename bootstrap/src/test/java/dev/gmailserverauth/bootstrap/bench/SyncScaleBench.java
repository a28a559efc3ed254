package dev.gmailserverauth.bootstrap.bench;

import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.persistence.testing.PostgresBinaries;
import dev.gmailserverauth.persistence.testing.PostgresProcess;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import dev.gmailserverauth.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Section {@code syncscale} of issue 20: {@code BENCH_SYNC_ACCOUNTS} (default 2,000) connected accounts on two
 * instances of the real jar (child JVMs) sharing one PostgreSQL, the sandbox in this JVM pushing every notification
 * to both (one push subscription per instance, as two subscribers would). A tenth of the accounts receive a message
 * each minute for {@code BENCH_SYNC_MINUTES} (default 5); half-way through, instance A is killed with SIGKILL.
 *
 * <ul>
 *   <li>Accounts: created at the sandbox (control API), each with 2 messages, then each signed in over HTTP through
 *       the app (consent, code exchange, stored credential), alternately on A and B: the same path as a person.</li>
 *   <li>Every change applied exactly once: at the end, per account, the message ids the sandbox holds against the
 *       index rows in PostgreSQL (a row per (account, message): a duplicate cannot be stored, so "once" is "present and
 *       nothing extra").</li>
 *   <li>Lag: the index is read every second; each delivered message's lag is from {@code addMessage} to the first read
 *       that holds it (1 s resolution).</li>
 *   <li>Never synced by both at once: db-scheduler's table is read every 250 ms and every account's sync row seen
 *       picked is recorded with its {@code picked_by}; and the sandbox's per-user peak of calls running at once,
 *       which two overlapping runs of one account would raise above 1 (a run's calls are sequential, a batch of one).</li>
 * </ul>
 */
final class SyncScaleBench {
    private static final String TOPIC = "projects/sandbox-project/topics/gmail";
    private static final String PUSHER = "gmail-push@sandbox-project.iam.gserviceaccount.com";
    private static final Path JAR = Path.of("target", "gmail-server-auth.jar");

    private final Consumer<Benchmarks.Row> rows;

    SyncScaleBench(Consumer<Benchmarks.Row> rows) {
        this.rows = rows;
    }

    void run() throws Exception {
        int accounts = Integer.parseInt(SyncBench.env("BENCH_SYNC_ACCOUNTS", "2000"));
        int minutes = Integer.parseInt(SyncBench.env("BENCH_SYNC_MINUTES", "5"));
        int portA = TestApps.freePort();
        int portB = TestApps.freePort();
        List<String> redirects = List.of("http://localhost:" + portA + "/oauth2/callback", "http://localhost:" + portB + "/oauth2/callback");
        try (PostgresProcess postgres = PostgresProcess.start(PostgresBinaries.find().orElseThrow(
                () -> new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found")), false);
                GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(redirects))) {
            String database = postgres.createDatabase("bench_sync_scale");
            Path secrets = TestApps.clientSecretsFor(sandbox.baseUrl(), redirects);
            String key = Base64.getEncoder().encodeToString(new byte[32]);
            SandboxControl control = sandbox.control();
            Instance a = Instance.start("A", env(sandbox, secrets, portA, database, key));
            Instance b = Instance.start("B", env(sandbox, secrets, portB, database, key));
            try {
                a.awaitHealthy();
                b.awaitHealthy();
                for (Instance instance : List.of(a, b)) {
                    URI push = instance.url.resolve("/gmail/push");
                    control.pubSub().createPushSubscription(SandboxPushSubscription.of(
                            "projects/sandbox-project/subscriptions/push-" + instance.name.toLowerCase(), TOPIC, push, PUSHER));
                }

                // Accounts at the sandbox, then each connected through the app over HTTP.
                Map<String, Set<String>> atSandbox = new ConcurrentHashMap<>();
                List<String> emails = new ArrayList<>();
                for (int i = 0; i < accounts; i++) {
                    String email = "scale-" + i + "@example.com";
                    control.addAccount(email, "Scale " + i);
                    Set<String> ids = ConcurrentHashMap.newKeySet();
                    for (int m = 0; m < 2; m++) {
                        ids.add(control.addMessage(email, SandboxMessage.of("Old <old@example.org>", email, "Old " + m,
                                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(m), "old")));
                    }
                    atSandbox.put(email, ids);
                    emails.add(email);
                }
                long signInStart = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<?>> signIns = new ArrayList<>();
                for (int i = 0; i < emails.size(); i++) {
                    URI app = (i % 2 == 0 ? a : b).url;
                    String email = emails.get(i);
                    signIns.add(pool.submit(() -> new HttpSignIn().signIn(app, email)));
                }
                for (Future<?> signIn : signIns) signIn.get();
                double signInSeconds = (System.nanoTime() - signInStart) / 1e9;
                Map<String, String> userOf = new HashMap<>();
                emails.forEach(email -> userOf.put(control.userId(email), email));
                boolean firstSyncs = Eventually.within(Duration.ofMinutes(15), Duration.ofSeconds(1),
                        () -> indexed(database).values().stream().mapToInt(Set::size).sum() >= 2 * accounts);
                double readySeconds = (System.nanoTime() - signInStart) / 1e9;
                if (!firstSyncs) throw new IllegalStateException("the first syncs did not finish within 15 minutes; logs: " + a.log + ", " + b.log);
                control.resetLimitUsage();

                // Observers: the index every second (first time each message is seen), the job table every 250 ms.
                Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
                Map<String, Long> seenAt = new ConcurrentHashMap<>();
                Map<String, Set<String>> pickedBy = new ConcurrentHashMap<>();
                AtomicBoolean observing = new AtomicBoolean(true);
                Future<?> indexWatch = pool.submit(() -> {
                    while (observing.get()) {
                        long now = System.nanoTime();
                        indexed(database).forEach((user, ids) -> ids.forEach(id -> {
                            if (deliveredAt.containsKey(id)) seenAt.putIfAbsent(id, now);
                        }));
                        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                    }
                    return null;
                });
                Future<?> jobWatch = pool.submit(() -> {
                    while (observing.get()) {
                        picked(database).forEach((user, by) -> pickedBy.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(by));
                        LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
                    }
                    return null;
                });

                // The load: a tenth of the accounts receive a message each minute, spread over the minute; A killed half-way.
                Random random = new Random(20);
                int perMinute = Math.max(1, accounts / 10);
                long loadStart = System.nanoTime();
                long killAt = loadStart + Duration.ofSeconds(minutes * 30L).toNanos();
                long killedAt = 0;
                for (int minute = 0; minute < minutes; minute++) {
                    List<String> shuffled = new ArrayList<>(emails);
                    Collections.shuffle(shuffled, random);
                    for (int i = 0; i < perMinute; i++) {
                        long due = loadStart + Duration.ofSeconds(60L * minute).toNanos() + Duration.ofSeconds(60).toNanos() * i / perMinute;
                        LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
                        if (killedAt == 0 && System.nanoTime() >= killAt) {
                            a.kill();
                            killedAt = System.nanoTime();
                        }
                        String email = shuffled.get(i);
                        long at = System.nanoTime();
                        String id = control.addMessage(email, SandboxMessage.of("New <new@example.org>", email, "Minute " + minute, Instant.now(), "new"));
                        deliveredAt.put(id, at);
                        atSandbox.get(email).add(id);
                    }
                }
                long loadEnd = System.nanoTime();
                boolean caughtUp = Eventually.within(Duration.ofMinutes(15), Duration.ofSeconds(1), () -> seenAt.keySet().containsAll(deliveredAt.keySet()));
                double catchUpSeconds = (System.nanoTime() - loadEnd) / 1e9;
                observing.set(false);
                indexWatch.get();
                jobWatch.get();
                pool.shutdownNow();

                Map<String, Set<String>> index = indexed(database);
                int missing = 0;
                int extra = 0;
                for (Map.Entry<String, String> user : userOf.entrySet()) {
                    Set<String> expected = atSandbox.get(user.getValue());
                    Set<String> held = index.getOrDefault(user.getKey(), Set.of());
                    missing += expected.stream().filter(id -> !held.contains(id)).count();
                    extra += held.stream().filter(id -> !expected.contains(id)).count();
                }
                List<Long> lags = new ArrayList<>();
                deliveredAt.forEach((id, at) -> {
                    Long seen = seenAt.get(id);
                    if (seen != null) lags.add(seen - at);
                });
                Stats lag = new Stats(lags);
                long killed = killedAt;
                long afterKill = deliveredAt.values().stream().filter(at -> at >= killed).count();
                int peak = 0;
                for (String email : emails) peak = Math.max(peak, control.limitUsage(email).peakConcurrency());
                long byBoth = pickedBy.values().stream().filter(set -> set.size() > 1).count();
                String instances = String.format("%,d accounts, 2 instances (child JVMs of the jar) on one PostgreSQL, a tenth (%,d) receiving a"
                        + " message each minute for %d min (%,d in all), instance A killed (SIGKILL) at minute %.1f", accounts, perMinute, minutes,
                        deliveredAt.size(), (killedAt - loadStart) / 60e9);
                rows.accept(new Benchmarks.Row("(issue 20) " + instances + ": every change applied exactly once (sandbox mailboxes against the index)",
                        "0 missing, 0 extra", missing + " missing, " + extra + " extra of " + atSandbox.values().stream().mapToInt(Set::size).sum()
                                + " messages; " + (caughtUp ? "all" : "NOT all") + " indexed " + String.format("%.0f s", catchUpSeconds)
                                + " after the last delivery", String.format("connecting: %,d sign-ins over HTTP in %.0f s, first syncs done at %.0f s",
                                accounts, signInSeconds, readySeconds), caughtUp && missing == 0 && extra == 0));
                rows.accept(new Benchmarks.Row("(issue 20) the same run: delivery → in the index, p50 / p95 / worst (index read every second)",
                        "report", ms(lag.percentileMillis(50)) + " / " + ms(lag.percentileMillis(95)) + " / " + ms(lag.percentileMillis(100))
                                + " (n=" + lag.count() + "; " + afterKill + " delivered after the kill, B alone)",
                        "worst bounded by db-scheduler's dead-instance takeover (4 missed 30 s heartbeats) for a job A held", true));
                rows.accept(new Benchmarks.Row("(issue 20) the same run: no account synced by both instances at once", "1",
                        "highest number of one account's Gmail calls running at once (sandbox, per user): " + peak,
                        byBoth + " accounts' sync job was seen picked by A at one time and by B at another (job table read every 250 ms)",
                        peak <= 1));
            } finally {
                a.kill();
                b.kill();
            }
        }
    }

    private static Map<String, String> env(GoogleSandbox sandbox, Path secrets, int port, String database, String key) {
        Map<String, String> env = new HashMap<>(TestApps.againstSandbox(sandbox, secrets, port, database, key));
        env.put("APP_SYNC", "on");
        env.put("GMAIL_PUBSUB_TOPIC", TOPIC);
        env.put("GMAIL_PUSH_SERVICE_ACCOUNT", PUSHER);
        env.put("GMAIL_PUSH_AUDIENCE", "http://localhost:" + port + "/gmail/push");
        env.put("GOOGLE_OIDC_CERTS_URL", sandbox.baseUrl() + "/oauth2/v3/certs");
        return env;
    }

    /** Every account's indexed message ids, by user id. */
    private static Map<String, Set<String>> indexed(String database) throws SQLException {
        Map<String, Set<String>> index = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT user_id, message_id FROM synced_messages")) {
            while (rows.next()) index.computeIfAbsent(rows.getString(1), u -> new HashSet<>()).add(rows.getString(2));
        }
        return index;
    }

    /** The accounts whose sync job is being run now, and by which instance. */
    private static Map<String, String> picked(String database) throws SQLException {
        Map<String, String> picked = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT task_instance, picked_by FROM scheduled_tasks WHERE task_name = 'sync' AND picked")) {
            while (rows.next()) picked.put(rows.getString(1), rows.getString(2));
        }
        return picked;
    }

    private static String ms(double millis) {
        return Benchmarks.ms(millis);
    }

    /** One instance of the jar in a child JVM, its output in a log file. */
    private record Instance(String name, Process process, URI url, Path log) {
        static Instance start(String name, Map<String, String> env) throws Exception {
            Path log = Files.createTempFile("sync-scale-" + name, ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-jar", JAR.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("APP_") || k.startsWith("GMAIL_") || k.startsWith("GOOGLE_"));
            builder.environment().putAll(env);
            return new Instance(name, builder.start(), URI.create("http://localhost:" + env.get("APP_PORT")), log);
        }

        void awaitHealthy() {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            boolean healthy = Eventually.within(Duration.ofSeconds(90), Duration.ofMillis(100),
                    () -> http.send(HttpRequest.newBuilder(url.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            if (!healthy) throw new IllegalStateException("instance " + name + " did not start; see " + log);
        }

        /** kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux. */
        void kill() throws InterruptedException {
            if (!process.isAlive()) return;
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
