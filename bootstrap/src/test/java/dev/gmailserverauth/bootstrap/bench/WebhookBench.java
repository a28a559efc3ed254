package dev.gmailserverauth.bootstrap.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.events.DeliverWebhooks;
import dev.gmailserverauth.application.events.WebhookRetryPolicy;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.CommandRun;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.bootstrap.bench.Benchmarks.ChildApp;
import dev.gmailserverauth.bootstrap.bench.Benchmarks.Row;
import dev.gmailserverauth.bootstrap.bench.HookReceiver.Delivery;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 21's webhook measurements: a change in the sandbox (mail delivered to a mailbox) until the webhook reached a
 * receiver on loopback ({@code hooklatency}); deliveries per second to one endpoint and to twenty ({@code hookrate});
 * a receiver down for {@code BENCH_HOOK_OUTAGE_MINUTES} (default 10) while 1,000 events accrue ({@code hookoutage});
 * an instance of the packaged jar killed with {@code kill -9} in the middle of a delivery ({@code hookkill}). The
 * receiver ({@link HookReceiver}) verifies every delivery's signature with an implementation of its own.
 *
 * <p>Every app here runs the background sync (its tests of other things run without it) and
 * {@code APP_WEBHOOK_ALLOW_PRIVATE=true}, the receiver being on loopback.
 */
final class WebhookBench {
    private static final Duration SYNC_READY = Duration.ofSeconds(60);
    private static final Pattern ADDED = Pattern.compile("added (ep_[0-9a-f]{16}) .*\\R.*(whsec_\\S+)");
    private static final Pattern QUEUED = Pattern.compile("queued (\\d+) deliver");

    private final Consumer<Row> rows;
    private final HttpSignIn signIn = new HttpSignIn();
    private final Random random = new Random(21);

    WebhookBench(Consumer<Row> rows) {
        this.rows = rows;
    }

    // ---- hooklatency ------------------------------------------------------------------------------

    /** Mail delivered in the sandbox until its {@code message.received} reached the receiver; and a sign-in until its {@code account.connected}. */
    void latency() throws Exception {
        int iterations = setting("BENCH_HOOK_LATENCY_N", 20);
        try (HookReceiver receiver = HookReceiver.start(); InProcess app = startApp(receiver)) {
            String email = app.accounts(1).get(0);
            awaitDelivery(receiver, Duration.ofSeconds(60), "the first account.connected", delivery -> delivery.type().equals("account.connected"), 0);
            List<Long> signIns = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                outOfStep();
                long connected = receiver.deliveries().stream().filter(d -> d.type().equals("account.connected")).count();
                long start = System.nanoTime();
                signIn.signIn(app.app().baseUrl(), email);
                signIns.add(awaitDelivery(receiver, Duration.ofSeconds(60), "account.connected " + i,
                        delivery -> delivery.type().equals("account.connected"), connected) - start);
            }
            for (int i = 0; i < 3; i++) mailUntilReceived(app, receiver, email, "warm-up " + i);
            List<Long> mail = new ArrayList<>();
            for (int i = 0; i < iterations; i++) mail.add(mailUntilReceived(app, receiver, email, "latency " + i));
            Stats stats = new Stats(mail);
            Stats signInStats = new Stats(signIns);
            rows.accept(new Row("(issue 21) mail delivered in the sandbox → its message.received webhook at a receiver on loopback"
                    + " (Pub/Sub push, sync, outbox, delivery round), p50 / p95",
                    "report; every signature verifies",
                    Benchmarks.ms(stats.percentileMillis(50)) + " / " + Benchmarks.ms(stats.percentileMillis(95)) + " (n=" + stats.count() + ")",
                    "sign-in (the whole consent flow) → account.connected: " + Benchmarks.ms(signInStats.percentileMillis(50)) + " / "
                            + Benchmarks.ms(signInStats.percentileMillis(95)) + "; unverified deliveries: " + receiver.unverified(),
                    receiver.unverified() == 0));
        }
    }

    /**
     * A random pause of up to 3 s before a change: changes made right after a delivery would all wait a whole round
     * for the next one (the latency would be the round interval every time); spread, they see what a change at any
     * moment sees.
     */
    private void outOfStep() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(random.nextInt(3000));
    }

    /** Nanoseconds from the sandbox's accepting the message to the receiver's having its event. */
    private long mailUntilReceived(InProcess app, HookReceiver receiver, String email, String subject) throws InterruptedException {
        outOfStep();
        long start = System.nanoTime();
        String id = app.control().addMessage(email, SandboxMessage.of("Bench <bench@example.org>", email, subject, Instant.now(), "hello"));
        return awaitDelivery(receiver, Duration.ofSeconds(60), "message.received for " + id,
                delivery -> delivery.type().equals("message.received") && delivery.messageId().equals(Optional.of(id)), 0) - start;
    }

    /** When the receiver got the first delivery matching {@code which} after the first {@code skip} of them. */
    private static long awaitDelivery(HookReceiver receiver, Duration bound, String what, Predicate<Delivery> which, long skip) {
        AtomicReference<Delivery> found = new AtomicReference<>();
        Eventually.await(what, bound, () -> {
            receiver.deliveries().stream().filter(which).skip(skip).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get().receivedNanos();
    }

    // ---- hookrate ---------------------------------------------------------------------------------

    /**
     * {@code BENCH_HOOK_RATE_EVENTS} (default 1,000) events over {@code BENCH_HOOK_RATE_ACCOUNTS} (default 20) accounts, made
     * by mail through the sync and delivered once; then {@code webhooks replay --since} queues them all again at once,
     * for one endpoint, then for twenty, and the receiver counts how fast they come.
     */
    void rate() throws Exception {
        int events = setting("BENCH_HOOK_RATE_EVENTS", 1000);
        int accountCount = setting("BENCH_HOOK_RATE_ACCOUNTS", 20);
        try (HookReceiver receiver = HookReceiver.start(); InProcess app = startApp(receiver)) {
            List<String> accounts = app.accounts(accountCount);
            Instant since = Instant.now();
            long start = System.nanoTime();
            Set<String> ids = app.mail(accounts, events, Duration.ZERO);
            Eventually.await("every message's event delivered", Duration.ofMinutes(30), () -> receiver.receivedMessages().containsAll(ids));
            double burstSeconds = (System.nanoTime() - start) / 1e9;

            double one = replayRate(app, receiver, since, 1);
            for (int n = 1; n < 20; n++) app.addEndpoint(receiver, n);
            double twenty = replayRate(app, receiver, since, 20);
            rows.accept(new Row("(issue 21) webhook deliveries per second to one endpoint (" + events + " events of " + accountCount
                    + " accounts queued at once by `webhooks replay --since`)", "report", String.format("%.1f /s", one),
                    String.format("the same events first made by mail in one burst: sync + outbox + delivery %.1f s (%.1f events/s)", burstSeconds,
                            events / burstSeconds), receiver.unverified() == 0));
            rows.accept(new Row("(issue 21) webhook deliveries per second to 20 endpoints (the same events, 20 × " + events + " deliveries)", "report",
                    String.format("%.1f /s in all, %.1f /s per endpoint", twenty, twenty / 20), "one endpoint: " + String.format("%.1f /s", one),
                    receiver.unverified() == 0));
        }
    }

    /** Deliveries a second once {@code webhooks replay --since} queued every event again for {@code endpoints} endpoints. */
    private static double replayRate(InProcess app, HookReceiver receiver, Instant since, int endpoints) {
        receiver.forget();
        long start = System.nanoTime();
        CommandRun replay = app.command("webhooks", "replay", "--since", since.toString());
        Matcher queued = QUEUED.matcher(replay.out());
        if (replay.exitCode() != 0 || !queued.find()) throw new IllegalStateException("webhooks replay: " + replay.out() + replay.err());
        int expected = Integer.parseInt(queued.group(1));
        Eventually.await(expected + " replayed deliveries to " + endpoints + " endpoint(s)", Duration.ofMinutes(30),
                () -> receiver.distinct().size() >= expected);
        long last = receiver.deliveries().stream().mapToLong(Delivery::receivedNanos).max().orElseThrow();
        return expected / ((last - start) / 1e9);
    }

    // ---- hookoutage -------------------------------------------------------------------------------

    /**
     * The receiver stops listening for {@code BENCH_HOOK_OUTAGE_MINUTES} (default 10) while {@code BENCH_HOOK_OUTAGE_EVENTS}
     * (default 1,000) mails arrive, spread evenly over the outage and over {@code BENCH_HOOK_OUTAGE_ACCOUNTS} (default 10)
     * accounts; then it listens again, and the bench waits for every event.
     */
    void outage() throws Exception {
        Duration down = Duration.ofMinutes(setting("BENCH_HOOK_OUTAGE_MINUTES", 10));
        int events = setting("BENCH_HOOK_OUTAGE_EVENTS", 1000);
        int accountCount = setting("BENCH_HOOK_OUTAGE_ACCOUNTS", 10);
        try (HookReceiver receiver = HookReceiver.start(); InProcess app = startApp(receiver)) {
            List<String> accounts = app.accounts(accountCount);
            receiver.down();
            long downAt = System.nanoTime();
            Set<String> ids = app.mail(accounts, events, down.dividedBy(events));
            long left = down.toNanos() - (System.nanoTime() - downAt);
            if (left > 0) TimeUnit.NANOSECONDS.sleep(left); // the outage lasts what it was set to, whatever the mail took
            int accrued = app.eventCount("message.received");
            receiver.up();
            long upAt = System.nanoTime();
            boolean all = Eventually.within(Duration.ofMinutes(90), Duration.ofMillis(200), () -> receiver.receivedMessages().containsAll(ids));
            long firstAfter = receiver.deliveries().stream().mapToLong(Delivery::receivedNanos).filter(at -> at > upAt).min().orElse(upAt);
            long lastAfter = receiver.deliveries().stream().mapToLong(Delivery::receivedNanos).max().orElse(upAt);
            Set<String> missing = new HashSet<>(ids);
            missing.removeAll(receiver.receivedMessages());
            Set<String> outbox = app.eventIds();
            outbox.removeAll(receiver.ids(0));
            rows.accept(new Row("(issue 21) receiver down " + down.toMinutes() + " min while " + events + " mails arrive (" + accountCount
                    + " accounts), then back: every event delivered, none missing, order per account kept", "all delivered, 0 missing, 0 out of order",
                    String.format("%d of %d message events received (%d in the outbox when it came back), %d outbox events never received;"
                                    + " %d duplicates; %d out of order; %d unverified", ids.size() - missing.size(), ids.size(), accrued, outbox.size(),
                            receiver.duplicates(), receiver.outOfOrder(), receiver.unverified()),
                    "—", all && missing.isEmpty() && outbox.isEmpty() && receiver.outOfOrder() == 0 && receiver.unverified() == 0));
            rows.accept(new Row("(issue 21) after the " + down.toMinutes() + "-minute outage: until the first delivery, and until everything was delivered",
                    "report", String.format("first after %.0f s, all after %.0f s", (firstAfter - upAt) / 1e9, (lastAfter - upAt) / 1e9),
                    "the retry policy: " + backoff(down), all));
        }
    }

    /**
     * The retry policy's attempts for a delivery failing from the start of an outage, and how long after the outage its
     * first attempt may come: attempt k lands anywhere between its times with the shortest and the longest waits, so
     * when one of them can land just before the end, the wait after it (up to its full length) is the worst case.
     */
    static String backoff(Duration down) {
        WebhookRetryPolicy policy = WebhookRetryPolicy.DEFAULT;
        List<String> schedule = new ArrayList<>();
        long end = down.toMillis();
        long earliest = 0;
        long latest = 0;
        long worst = 0;
        for (int attempt = 1; earliest < end; attempt++) {
            long full = policy.retryAt(attempt, Instant.EPOCH, 0).toEpochMilli();
            long shortest = policy.retryAt(attempt, Instant.EPOCH, 0.999_999).toEpochMilli();
            if (latest < end) schedule.add(String.valueOf(latest / 1000));
            worst = Math.max(worst, Math.min(latest, end) + full - end);
            earliest += shortest;
            latest += full;
        }
        return "attempts at " + String.join(", ", schedule) + " s after the first failure with no jitter (each wait up to half shorter);"
                + " the first attempt after " + down.toMinutes() + " min down comes up to " + worst / 1000 + " s after the receiver is back";
    }

    // ---- hookkill ---------------------------------------------------------------------------------

    /**
     * The packaged jar in a child JVM against a sandbox in this one, sending {@code BENCH_HOOK_KILL_EVENTS} (default
     * 300) mails' events; when the receiver holds delivery number a third of them, unanswered, the instance is killed
     * with {@code kill -9}, and another is started on the same database. Every event in the outbox must arrive.
     */
    void kill() throws Exception {
        if (!Files.exists(Benchmarks.JAR)) throw new IllegalStateException(Benchmarks.JAR.toAbsolutePath() + " is missing: run ./bench, which packages it first");
        int events = setting("BENCH_HOOK_KILL_EVENTS", 300);
        int accountCount = setting("BENCH_HOOK_KILL_ACCOUNTS", 10);
        int port = TestApps.freePort();
        String callback = "http://localhost:" + port + "/oauth2/callback";
        try (HookReceiver receiver = HookReceiver.start();
                GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of(callback)).withLimits(SandboxLimits.unlimited()))) {
            Path folder = Files.createTempDirectory("bench-hookkill");
            String database = "jdbc:sqlite:" + folder.resolve("app.db");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            WebhookSecret secret = WebhookSecret.random();
            Map<String, String> env = new HashMap<>(TestApps.againstSandbox(sandbox, TestApps.clientSecretsFor(sandbox.baseUrl(), List.of(callback)),
                    port, database, Base64.getEncoder().encodeToString(key)));
            env.putAll(Benchmarks.UNMETERED);
            env.putAll(webhookVariables(receiver, secret));
            env.put("APP_SYNC", "on");
            // No Pub/Sub topic here: each mailbox's history is polled this often.
            env.put("APP_SYNC_POLL_INTERVAL", "PT2S");
            SandboxControl control = sandbox.control();

            ChildApp first = ChildApp.start(Benchmarks.JAR, List.of(), env);
            first.millisToFirstHealthy();
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < accountCount; i++) accounts.add(signedInAndSynced(first.baseUrl(), control, "kill", i));
            int killAt = Math.max(1, events / 3);
            AtomicBoolean killed = new AtomicBoolean();
            AtomicReference<String> inFlight = new AtomicReference<>("");
            receiver.beforeAnswer(delivery -> {
                if (delivery.type().equals("message.received") && receiver.receivedMessages().size() >= killAt && killed.compareAndSet(false, true)) {
                    inFlight.set(delivery.id());
                    try {
                        first.kill();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            Set<String> ids = mail(control, accounts, events, Duration.ZERO);
            Eventually.await("the instance was killed in the middle of a delivery", Duration.ofMinutes(10), killed::get);
            int receivedBeforeRestart = receiver.receivedMessages().size();
            ChildApp second = ChildApp.start(Benchmarks.JAR, List.of(), env);
            long restartedAt = System.nanoTime();
            try {
                second.millisToFirstHealthy();
                boolean all = Eventually.within(Duration.ofMinutes(15), Duration.ofMillis(200), () -> receiver.receivedMessages().containsAll(ids));
                long last = receiver.deliveries().stream().mapToLong(Delivery::receivedNanos).max().orElseThrow();
                Set<String> outbox = eventIds(database);
                outbox.removeAll(receiver.ids(0));
                long heldTwice = receiver.deliveries().stream().filter(d -> d.id().equals(inFlight.get())).count();
                rows.accept(new Row("(issue 21) the jar killed with kill -9 while the receiver held a delivery unanswered (after " + receivedBeforeRestart
                        + " of " + events + " mail events), restarted on the same SQLite file: nothing lost", "every event received at least once",
                        String.format("%d of %d mail events received, %d outbox events never received; %d duplicates (the one in flight came %d times);"
                                        + " %d out of order; all in %.0f s after the restart", ids.size() - missingCount(ids, receiver), ids.size(),
                                outbox.size(), receiver.duplicates(), heldTwice, receiver.outOfOrder(), (last - restartedAt) / 1e9),
                        "deliveries resume once the scheduler finds the dead instance's webhook-deliveries job (four missed 30 s"
                                + " heartbeats) and its claims' " + DeliverWebhooks.LEASE.toMinutes() + "-minute leases have run out",
                        all && outbox.isEmpty() && heldTwice >= 2 && receiver.unverified() == 0));
                deliveryLog(receiver, env, inFlight.get());
            } finally {
                second.stop();
            }
        }
    }

    private static long missingCount(Set<String> ids, HookReceiver receiver) {
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(receiver.receivedMessages());
        return missing.size();
    }

    /**
     * What the receiver saw of the delivery that was in flight at the kill (each arrival: headers and body) and what
     * {@code webhooks deliveries} says, run from the jar: written to {@code BENCH_HOOK_DELIVERY_LOG} when set.
     */
    private static void deliveryLog(HookReceiver receiver, Map<String, String> env, String inFlight) throws IOException, InterruptedException {
        String target = System.getenv("BENCH_HOOK_DELIVERY_LOG");
        if (target == null || target.isBlank()) return;
        StringBuilder log = new StringBuilder("What the receiver (a JDK HttpServer on loopback) saw: the delivery in flight when the instance was killed,"
                + " then its retry by the restarted instance (same webhook-id, a new timestamp and signature), then the next two.\n\n");
        List<Delivery> all = receiver.deliveries();
        List<Delivery> shown = new ArrayList<>(all.stream().filter(d -> d.id().equals(inFlight)).toList());
        all.stream().filter(d -> d.type().equals("message.received") && !d.id().equals(inFlight))
                .filter(d -> d.receivedNanos() > shown.get(shown.size() - 1).receivedNanos()).limit(2).forEach(shown::add);
        for (Delivery delivery : shown) {
            log.append("POST ").append(delivery.endpoint()).append('\n')
                    .append("webhook-id: ").append(delivery.id()).append('\n')
                    .append("webhook-timestamp: ").append(delivery.timestamp()).append('\n')
                    .append("webhook-signature: ").append(delivery.signature()).append('\n')
                    .append("(signature ").append(delivery.problem().map(p -> "REFUSED: " + p).orElse("verified")).append(")\n\n")
                    .append(delivery.body()).append("\n\n");
        }
        log.append("$ java -jar gmail-server-auth.jar webhooks deliveries --limit 8\n").append(jarCommand(env, "webhooks", "deliveries", "--limit", "8"));
        log.append("\n$ java -jar gmail-server-auth.jar webhooks list\n").append(jarCommand(env, "webhooks", "list"));
        Files.writeString(Path.of(target), log.toString());
        System.out.println("delivery log written to " + target);
    }

    /** A command of the packaged jar with these variables, as an operator runs it: its output. */
    private static String jarCommand(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Benchmarks.JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("APP_") || k.startsWith("GMAIL_") || k.startsWith("GOOGLE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the command did not end: " + command);
        return out;
    }

    // ---- shared -----------------------------------------------------------------------------------

    private static Map<String, String> webhookVariables(HookReceiver receiver, WebhookSecret secret) {
        return Map.of("APP_WEBHOOK_URL", receiver.endpoint(0, secret).toString(), "APP_WEBHOOK_SECRET", secret.formatted(),
                "APP_WEBHOOK_ALLOW_PRIVATE", "true");
    }

    /**
     * A new, empty sandbox account, signed in at {@code app}, whose first sync has its checkpoint and has finished its
     * backfill. Mail that arrives before the backfill's list is indexed by the backfill, which tells nothing, and is
     * then not told by the history either (the index already holds it): the bench starts its mail after that window.
     */
    private String signedInAndSynced(URI app, SandboxControl control, String prefix, int n) {
        String email = String.format("%s-%02d-%d@example.com", prefix, n, System.nanoTime() % 100_000);
        control.addAccount(email, prefix + " " + n);
        signInAndAwaitTheFirstSync(app, email);
        return email;
    }

    /** Signs {@code email} in over HTTP and waits for its first sync's checkpoint and backfill; the session's {@code Cookie} header. */
    static String signInAndAwaitTheFirstSync(URI app, String email) {
        String cookie = new HttpSignIn().signIn(app, email);
        ApiClient api = new ApiClient();
        Eventually.await("the first sync of " + email + " has a checkpoint and its backfill done", SYNC_READY, () -> {
            HttpResponse<String> response = api.get(app.resolve("/api/sync"), cookie);
            if (response.statusCode() != 200) return false;
            JsonObject sync = JsonParser.parseString(response.body()).getAsJsonObject();
            return sync.get("state").getAsString().equals("ACTIVE") && !sync.get("checkpoint").isJsonNull() && !sync.get("backfilling").getAsBoolean();
        });
        return cookie;
    }

    /** {@code count} mails, round robin over the accounts, {@code every} apart; their Gmail ids. */
    private static Set<String> mail(SandboxControl control, List<String> accounts, int count, Duration every) throws InterruptedException {
        Set<String> ids = new HashSet<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + every.toNanos() * i;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait); // pacing the mail, not waiting for a condition
            String to = accounts.get(i % accounts.size());
            ids.add(control.addMessage(to, SandboxMessage.of("Bench <bench@example.org>", to, "Bench mail " + i, Instant.now(), "mail " + i)));
        }
        return ids;
    }

    /** The event ids in the outbox of that SQLite database, read directly. */
    private static Set<String> eventIds(String database) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database);
                ResultSet result = connection.createStatement().executeQuery("SELECT event_id FROM events")) {
            while (result.next()) ids.add(result.getString(1));
        }
        return ids;
    }

    private static int eventCount(String database, String type) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                var statement = connection.prepareStatement("SELECT count(*) FROM events WHERE type = ?")) {
            statement.setString(1, type);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** The app in this JVM (sandbox mode, its own SQLite file, the sync on), delivering to endpoint 0 of the receiver. */
    private InProcess startApp(HookReceiver receiver) throws IOException {
        Path folder = Files.createTempDirectory("bench-hooks");
        String database = "jdbc:sqlite:" + folder.resolve("app.db");
        Map<String, String> env = new HashMap<>(Benchmarks.UNMETERED);
        env.putAll(webhookVariables(receiver, WebhookSecret.random()));
        env.put("APP_SYNC", "on");
        env.put("APP_DATABASE_URL", database);
        GmailServerAuth app = TestApps.startSandboxApp(env);
        app.sandbox().orElseThrow().control().setLimits(SandboxLimits.unlimited());
        return new InProcess(app, database);
    }

    private final class InProcess implements AutoCloseable {
        private final GmailServerAuth app;
        private final String database;
        private final Map<String, String> commandVariables;

        private InProcess(GmailServerAuth app, String database) {
            this.app = app;
            this.database = database;
            this.commandVariables = Map.of("APP_DATABASE_URL", database, "APP_PORT", "0", "APP_WEBHOOK_ALLOW_PRIVATE", "true");
        }

        GmailServerAuth app() {
            return app;
        }

        SandboxControl control() {
            return app.sandbox().orElseThrow().control();
        }

        List<String> accounts(int count) {
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < count; i++) accounts.add(signedInAndSynced(app.baseUrl(), control(), "hooks", i));
            return accounts;
        }

        Set<String> mail(List<String> accounts, int count, Duration every) throws InterruptedException {
            return WebhookBench.mail(control(), accounts, count, every);
        }

        CommandRun command(String... args) {
            return CommandRun.of(commandVariables, args);
        }

        /** Endpoint {@code n} of the receiver, added with {@code webhooks add} as an operator does. */
        void addEndpoint(HookReceiver receiver, int n) {
            CommandRun add = command("webhooks", "add", receiver.url(n).toString());
            Matcher added = ADDED.matcher(add.out());
            if (add.exitCode() != 0 || !added.find()) throw new IllegalStateException("webhooks add: " + add.out() + add.err());
            receiver.secret(n, WebhookSecret.parse(added.group(2)));
        }

        Set<String> eventIds() throws SQLException {
            return WebhookBench.eventIds(database);
        }

        int eventCount(String type) throws SQLException {
            return WebhookBench.eventCount(database, type);
        }

        @Override
        public void close() {
            app.close();
        }
    }
}
