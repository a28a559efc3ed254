package dev.gmailserverauth.bootstrap.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.IndexedPage;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MailboxResponse;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import dev.gmailserverauth.google.GoogleAdapters;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.SandboxPushFault;
import dev.gmailserverauth.testing.Eventually;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The measurements of issue 20 (the mailbox sync), run by {@link Benchmarks}: {@code syncunits} (quota units per
 * account per day), {@code synclatency} (delivery to the index, with push and with every push dropped),
 * {@code syncindex} (a repeat list view from the index), {@code syncgap} (a 404 gap repaired, beside a full
 * resync) and {@code syncscale} ({@link SyncScaleBench}). Every section runs the whole app in-process in sandbox
 * mode with the sync on; durations are parameters (environment variables named in each section) whose defaults
 * are the values or what the section needs to see enough events.
 */
final class SyncBench {
    private static final Duration INJECTED = Duration.ofMillis(50);
    private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DEFAULT_POLL = Duration.ofMinutes(10);
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private final ApiClient api = new ApiClient();
    private final Consumer<Benchmarks.Row> rows;
    private final AtomicInteger accounts = new AtomicInteger();

    SyncBench(Consumer<Benchmarks.Row> rows) {
        this.rows = Benchmarks.printedAsTheyCome(rows);
    }

    // ---- quota units per account per day ------------------------------------------------------------

    /**
     * One app per mailbox (so the sandbox's counters are that mailbox's), the safety poll shortened to
     * {@code BENCH_SYNC_UNITS_POLL} (default 15 s) for a window of {@code BENCH_SYNC_UNITS_SECONDS} (default 120):
     * the units of one poll are measured, then counted 144 times (a day at the default 10 minutes). The two daily
     * jobs (watch renewal, completeness check) are run once each by moving their execution to now in db-scheduler's
     * table, and their units counted once. The busy mailbox receives a message every
     * {@code BENCH_SYNC_UNITS_EVERY} (default 5 s) in its window; its extra units per message are counted 200 times.
     */
    void units() throws Exception {
        Duration poll = Duration.parse(env("BENCH_SYNC_UNITS_POLL", "PT15S"));
        Duration window = Duration.ofSeconds(Long.parseLong(env("BENCH_SYNC_UNITS_SECONDS", "120")));
        Duration every = Duration.parse(env("BENCH_SYNC_UNITS_EVERY", "PT5S"));
        UnitsWindow idle = unitsWindow(poll, window, Optional.empty());
        UnitsWindow busy = unitsWindow(poll, window, Optional.of(every));

        double pollsPerDay = (double) DAY_SECONDS / DEFAULT_POLL.toSeconds();
        // Each poll of an idle mailbox asks for the profile's history id (and follows the history only when it moved).
        long polls = Math.max(1, Math.max(idle.profiles, idle.historyLists));
        double unitsPerPoll = (double) idle.units / polls;
        double idleDay = pollsPerDay * unitsPerPoll + idle.dailyUnits;
        double perMessage = (double) (busy.units - idle.units) / Math.max(1, busy.delivered);
        double busyDay = idleDay + 200 * perMessage;
        long listUnits = idle.listUnits;
        double pollingDay = 1440.0 * listUnits;
        double pollingBusyDay = pollingDay + 200.0 * idle.getUnits;
        rows.accept(new Benchmarks.Row("(issue 20) quota units per account per day, idle mailbox: push + safety poll every 10 min + daily watch renewal"
                + " + daily completeness check", "≤ 5% of polling (≤ " + Math.round(pollingDay * 0.05) + ")",
                String.format("%.0f (%.1f%% of polling): 144 polls × %.1f units (measured: %d units over %d polls, %d getProfile and %d history.list, in %d s at a %d s poll)"
                                + " + %d units for the two daily jobs (run once each, measured)", idleDay, 100 * idleDay / pollingDay, unitsPerPoll,
                        idle.units, polls, idle.profiles, idle.historyLists, window.toSeconds(), poll.toSeconds(), idle.dailyUnits),
                String.format("polling messages.list every minute: 1,440 × %d = %.0f", listUnits, pollingDay), idleDay <= 0.05 * pollingDay));
        rows.accept(new Benchmarks.Row("(issue 20) the same, a mailbox receiving 200 messages a day", "report",
                String.format("%.0f (%.1f%% of polling): the idle day + 200 × %.1f units per message (measured: %d units for %d messages delivered"
                                + " %d s apart in the same window, less the idle window's %d)", busyDay, 100 * busyDay / pollingBusyDay, perMessage,
                        busy.units, busy.delivered, every.toSeconds(), idle.units),
                String.format("polling every minute + one messages.get per new message: 1,440 × %d + 200 × %d = %.0f", listUnits, idle.getUnits,
                        pollingBusyDay), true));
    }

    private record UnitsWindow(long units, long profiles, long historyLists, long dailyUnits, int delivered, long listUnits, long getUnits) {
    }

    private UnitsWindow unitsWindow(Duration poll, Duration window, Optional<Duration> every) throws Exception {
        Path db = Files.createTempDirectory("sync-units").resolve("app.db");
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", poll.toString(),
                "APP_DATABASE_URL", "jdbc:sqlite:" + db))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            String email = account(control, "units", 50);
            String cookie = new HttpSignIn().signIn(app.baseUrl(), email);
            awaitSynced(app.baseUrl(), cookie, true);

            // The daily jobs, once each, at the units the sandbox charges for them.
            control.resetLimitUsage();
            String user = control.userId(email);
            Instant now = Instant.now();
            runNow("jdbc:sqlite:" + db, user, now);
            Eventually.await("both daily jobs ran", Duration.ofSeconds(60), () -> ranSince("jdbc:sqlite:" + db, user, now));
            long daily = control.limitUsage(email).unitsTotal();

            control.resetLimitUsage();
            control.resetCounters();
            long end = System.nanoTime() + window.toNanos();
            int delivered = 0;
            while (System.nanoTime() < end) {
                if (every.isPresent()) {
                    control.addMessage(email, SandboxMessage.of("Bench <bench@example.org>", email, "Arrives " + delivered, Instant.now(), "new"));
                    delivered++;
                }
                LockSupport.parkNanos(Math.min(every.orElse(window).toNanos(), Math.max(0, end - System.nanoTime())));
            }
            long units = control.limitUsage(email).unitsTotal();
            long historyLists = control.counters().calls(Endpoint.HISTORY_LIST);
            long profiles = control.counters().calls(Endpoint.PROFILE);

            // What the baseline's calls cost at the same sandbox: one messages.list, one messages.get.
            String token = SandboxTokens.accessToken(app.sandbox().orElseThrow().baseUrl(), app.baseUrl().resolve("/oauth2/callback"), email);
            NaiveSeedLoop naive = new NaiveSeedLoop(app.sandbox().orElseThrow().baseUrl(), token);
            control.resetLimitUsage();
            naive.page(1);
            long listAndOne = control.limitUsage(email).unitsTotal();
            control.resetLimitUsage();
            naive.page(2);
            long get = control.limitUsage(email).unitsTotal() - listAndOne;
            return new UnitsWindow(units, profiles, historyLists, daily, delivered, listAndOne - get, get);
        }
    }

    /** Moves the account's daily jobs (watch renewal, completeness check) to now, as their day coming round would. */
    private static void runNow(String database, String user, Instant now) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database); PreparedStatement update = connection.prepareStatement(
                "UPDATE scheduled_tasks SET execution_time = ? WHERE task_instance = ? AND task_name IN ('watch-renewal', 'completeness-check')")) {
            update.setTimestamp(1, Timestamp.from(now), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            update.setString(2, user);
            if (update.executeUpdate() != 2) throw new IllegalStateException("the account's daily jobs are not scheduled");
        }
    }

    private static boolean ranSince(String database, String user, Instant since) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database); PreparedStatement query = connection.prepareStatement(
                "SELECT last_success FROM scheduled_tasks WHERE task_instance = ? AND task_name IN ('watch-renewal', 'completeness-check')")) {
            query.setString(1, user);
            int ran = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Timestamp last = result.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
                    if (last != null && !last.toInstant().isBefore(since.minusMillis(1))) ran++;
                }
            }
            return ran == 2;
        }
    }

    // ---- delivery → visible in /api/messages from the index -------------------------------------------

    /**
     * {@code BENCH_SYNC_LATENCY_N} (default 20) messages delivered one at a time, 1.2 s apart at least (Gmail
     * notifies a person at most once a second), each timed from {@code addMessage} to the first
     * {@code /api/messages} served from the index that lists it (polled every 10 ms). With push: the poll is an
     * hour, so only a push brings it. With every push dropped: the poll is {@code BENCH_SYNC_DROP_POLL} (default 5 s), and
     * each message is delivered at a random moment of the poll's cycle.
     */
    void latency() throws Exception {
        int n = Integer.parseInt(env("BENCH_SYNC_LATENCY_N", "20"));
        Duration dropPoll = Duration.parse(env("BENCH_SYNC_DROP_POLL", "PT5S"));
        Stats push = deliveryLatency(Duration.ofHours(1), false, n);
        rows.accept(new Benchmarks.Row("(issue 20) new message delivered at the sandbox → listed by /api/messages from the index, with push, p50 / p95",
                "p50 ≤ 1 s", ms(push.percentileMillis(50)) + " / " + ms(push.percentileMillis(95)) + " (n=" + push.count() + ", poll 1 h)", "—",
                push.percentileMillis(50) <= 1000));
        Stats dropped = deliveryLatency(dropPoll, true, Math.max(5, n / 2));
        rows.accept(new Benchmarks.Row("(issue 20) the same with every push dropped (sandbox fault DROP): only the safety poll, p50 / p95 / max",
                "max ≤ the poll interval + 2 s (db-scheduler looks for due jobs every second, then the run); " + dropPoll.toSeconds()
                        + " s for this run, 10 min by default",
                ms(dropped.percentileMillis(50)) + " / " + ms(dropped.percentileMillis(95)) + " / " + ms(dropped.percentileMillis(100))
                        + " (n=" + dropped.count() + ")", "—", dropped.percentileMillis(100) <= dropPoll.toMillis() + 2000));
    }

    private Stats deliveryLatency(Duration poll, boolean dropPushes, int n) throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp(Benchmarks.withUnmetered(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", poll.toString())))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            control.setLimits(SandboxLimits.unlimited());
            String email = account(control, "latency", 20);
            String cookie = new HttpSignIn().signIn(app.baseUrl(), email);
            awaitSynced(app.baseUrl(), cookie, true);
            if (dropPushes) control.pubSub().injectPushFault(SandboxPushFault.of(SandboxPushFault.Kind.DROP), 1_000_000);
            List<Long> nanos = new ArrayList<>();
            Random phase = new Random(20);
            long nextAt = System.nanoTime();
            for (int i = 0; i < n; i++) {
                LockSupport.parkNanos(Math.max(0, nextAt - System.nanoTime()));
                long start = System.nanoTime();
                // With push: 1.2 s apart. With pushes dropped: a random moment of the next poll interval, so that messages
                // arrive at every phase of the poll (right after a poll, each would wait a whole interval).
                if (!dropPushes) nextAt = start + Duration.ofMillis(1200).toNanos();
                String id = control.addMessage(email, SandboxMessage.of("Bench <bench@example.org>", email, "Latency " + i, Instant.now(), "new"));
                boolean seen = Eventually.within(poll.plusSeconds(30), Duration.ofMillis(10), () -> indexedIds(app.baseUrl(), cookie).contains(id));
                if (!seen) throw new IllegalStateException("message " + id + " never reached the index");
                nanos.add(System.nanoTime() - start);
                if (dropPushes) nextAt = System.nanoTime() + (long) (phase.nextDouble() * poll.toNanos());
            }
            control.pubSub().clearPushFaults();
            return new Stats(nanos);
        }
    }

    // ---- a repeat list view from the index -----------------------------------------------------------

    /** 100 views of the first page of 50 from the index (after 100 to warm up), 50 ms injected at the sandbox; Gmail's calls counted. */
    void index() throws Exception {
        try (GmailServerAuth synced = TestApps.startSandboxApp(Benchmarks.withUnmetered(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1H")));
                GmailServerAuth unsynced = TestApps.startSandboxApp(Benchmarks.UNMETERED)) {
            SandboxControl control = synced.sandbox().orElseThrow().control();
            control.setLimits(SandboxLimits.unlimited());
            String email = account(control, "index", 200);
            String cookie = new HttpSignIn().signIn(synced.baseUrl(), email);
            awaitSynced(synced.baseUrl(), cookie, true);
            URI page = synced.baseUrl().resolve("/api/messages?maxResults=50");
            Benchmarks.time(100, 0, () -> Benchmarks.expectOk(api.get(page, cookie)));
            control.resetCounters();
            control.setLatency(INJECTED);
            Stats fromIndex = Benchmarks.time(0, 100, () -> {
                if (indexedIds(synced.baseUrl(), cookie).size() != 50) throw new IllegalStateException("not a full page from the index");
            });
            long calls = control.counters().totalRoundTrips();

            SandboxControl otherControl = unsynced.sandbox().orElseThrow().control();
            otherControl.setLimits(SandboxLimits.unlimited());
            String other = account(otherControl, "index", 200);
            String otherCookie = new HttpSignIn().signIn(unsynced.baseUrl(), other);
            URI otherPage = unsynced.baseUrl().resolve("/api/messages?maxResults=50");
            Benchmarks.time(100, 0, () -> Benchmarks.expectOk(api.get(otherPage, otherCookie)));
            otherControl.setLatency(INJECTED);
            Stats fromGmail = Benchmarks.time(0, 30, () -> Benchmarks.expectOk(api.get(otherPage, otherCookie)));
            rows.accept(new Benchmarks.Row("(issue 20) repeat list view of 50 from the index: Google calls over 100 views (sandbox counters)", "0",
                    String.valueOf(calls), "without the sync: 1 list per view (summary cache)", calls == 0));
            rows.accept(new Benchmarks.Row("(issue 20) the same, p50 / p95 at 50 ms injected per Google round trip", "report",
                    ms(fromIndex.percentileMillis(50)) + " / " + ms(fromIndex.percentileMillis(95)) + " (n=" + fromIndex.count() + ")",
                    "APP_SYNC=off, summary cache: " + ms(fromGmail.percentileMillis(50)) + " / " + ms(fromGmail.percentileMillis(95))
                            + " (n=" + fromGmail.count() + ")", true));
        }
    }

    // ---- a 404 gap repaired, beside a full resync ----------------------------------------------------

    /**
     * A synced mailbox of 100 old messages misses {@code BENCH_SYNC_GAP} (default 1,000) new ones (every push dropped,
     * an hour's poll), then the history before them expires: the next push meets a 404 and the gap is filled. Timed
     * from the push's message to the index holding every message; units at the sandbox under Google's default per-user
     * limits (the app's default quota table). Beside it, a full resync of a {@code BENCH_SYNC_RESYNC} (default 10,000)
     * message mailbox as others do it: every page of {@code messages.list} and a metadata get of each, through the same
     * adapter; its units counted at the sandbox with the limits not enforced, its floor at Google's rate computed.
     */
    void gap() throws Exception {
        int gap = Integer.parseInt(env("BENCH_SYNC_GAP", "1000"));
        int resync = Integer.parseInt(env("BENCH_SYNC_RESYNC", "10000"));
        Path db = Files.createTempDirectory("sync-gap").resolve("app.db");
        String database = "jdbc:sqlite:" + db;
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1H", "APP_DATABASE_URL", database))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            String email = account(control, "gap", 100);
            String cookie = new HttpSignIn().signIn(app.baseUrl(), email);
            awaitSynced(app.baseUrl(), cookie, true);
            String user = control.userId(email);

            control.pubSub().injectPushFault(SandboxPushFault.of(SandboxPushFault.Kind.DROP), 1_000_000);
            for (int i = 0; i < gap; i++) {
                control.addMessage(email, SandboxMessage.of("Gap <gap@example.org>", email, "Missed " + i, Instant.now(), "missed"));
            }
            control.history().expireHistoryBelow(email, control.history().historyId(email));
            control.pubSub().clearPushFaults();
            control.resetLimitUsage();
            control.resetCounters();
            long start = System.nanoTime();
            control.addMessage(email, SandboxMessage.of("Gap <gap@example.org>", email, "After the gap", Instant.now(), "push"));
            int expected = 100 + gap + 1;
            boolean filled = Eventually.within(Duration.ofMinutes(10), Duration.ofMillis(20), () -> indexCount(database, user) == expected);
            long nanos = System.nanoTime() - start;
            int indexed = indexCount(database, user);
            long units = control.limitUsage(email).unitsTotal();
            // Read now: the resync below goes through the same sandbox and its counters.
            long lists = control.counters().calls(Endpoint.MESSAGES_LIST);
            long gets = control.counters().calls(Endpoint.MESSAGES_GET);
            JsonObject sync = json(api.get(app.baseUrl().resolve("/api/sync"), cookie));
            boolean oneGap = sync.get("gapsFilled").getAsInt() == 1;

            String other = account(control, "resync", resync);
            String token = SandboxTokens.accessToken(app.sandbox().orElseThrow().baseUrl(), app.baseUrl().resolve("/oauth2/callback"), other);
            // The resync runs with the limits counted but not enforced (same quota table): at Google's per-user rate a
            // 10,000-message resync takes over half an hour on the 2026 table, so its floor there is computed from its units.
            SandboxLimits limits = control.limits();
            control.setLimits(limits.withEnforced(false));
            control.resetLimitUsage();
            long resyncStart = System.nanoTime();
            int read = fullResync(app.sandbox().orElseThrow().baseUrl(), new UserId(control.userId(other)), token);
            long resyncNanos = System.nanoTime() - resyncStart;
            long resyncUnits = control.limitUsage(other).unitsTotal();
            control.setLimits(limits);
            double floorMinutes = (double) resyncUnits / limits.unitsPerMinute();
            rows.accept(new Benchmarks.Row("(issue 20) a 404 gap of " + gap + " messages repaired (history expired, then one push): time to every message"
                    + " indexed / Gmail units", "every message indexed", (filled ? String.format("%.1f s", nanos / 1e9)
                            : String.format("not within 10 min (%,d of %,d indexed)", indexed, expected)) + " / " + units
                    + " units (" + lists + " lists, " + gets + " gets; gaps filled: " + sync.get("gapsFilled").getAsInt() + ", \"" + sync.get("lastGap").getAsString() + "\")",
                    String.format("full resync of %,d messages (every page of messages.list + a metadata get each, through GmailMailbox): %,d units"
                                    + " (%d read); %.1f s with the limits not enforced, at least %.1f min at Google's %,d units/user/minute",
                            resync, resyncUnits, read, resyncNanos / 1e9, floorMinutes, limits.unitsPerMinute()), filled && oneGap));
        }
    }

    /** Every page of the mailbox (500 a page) and a metadata get of each message, in batches of 100, retrying a refused minute. */
    private static int fullResync(URI sandbox, UserId user, String accessToken) throws Exception {
        try (GoogleAdapters google = GoogleAdapters.create(
                GoogleAdapterConfig.forSandbox(sandbox, SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET), Clock.systemUTC())) {
            MailboxAccess access = new MailboxAccess(user, new AccessToken(accessToken));
            List<MessageId> ids = new ArrayList<>();
            Optional<PageToken> next = Optional.empty();
            do {
                MailQuery query = new MailQuery(SearchQuery.ALL, next, new PageSize(500));
                Page<MessageRef> page = untilOk(() -> google.mailbox().listMessages(access, query));
                page.items().forEach(ref -> ids.add(ref.id()));
                next = page.nextPageToken();
            } while (next.isPresent());
            int read = 0;
            for (int from = 0; from < ids.size(); from += 100) {
                List<MessageId> batch = List.copyOf(ids.subList(from, Math.min(ids.size(), from + 100)));
                // Parts the per-user limits refused are asked again until every one is read.
                for (int attempt = 0; !batch.isEmpty(); attempt++) {
                    if (attempt > 200) throw new IllegalStateException("Gmail kept refusing parts of a batch");
                    List<MessageId> asked = batch;
                    Summaries got = untilOk(() -> google.mailbox().summarize(access, asked));
                    read += got.found().size();
                    batch = got.missing();
                    if (!batch.isEmpty()) LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            }
            return read;
        }
    }

    private static <T> T untilOk(java.util.function.Supplier<MailboxResponse<T>> call) {
        for (int attempt = 0; attempt < 200; attempt++) {
            MailboxResponse<T> response = call.get();
            if (response instanceof MailboxResponse.Ok<T> ok) return ok.value();
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        throw new IllegalStateException("Gmail kept refusing");
    }

    private static int indexCount(String database, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM synced_messages WHERE user_id = ?")) {
            query.setString(1, user);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    // ---- shared ---------------------------------------------------------------------------------------

    /** Waits until the account's first sync is done: active, backfilled, caught up (and, with push, watched). */
    private void awaitSynced(URI app, String cookie, boolean watched) {
        Eventually.await("the first sync of the account is done", Duration.ofMinutes(2), () -> {
            JsonObject sync = json(api.get(app.resolve("/api/sync"), cookie));
            return sync.get("state").getAsString().equals("ACTIVE") && !sync.get("backfilling").getAsBoolean()
                    && !sync.get("lastSynced").isJsonNull() && (!watched || !sync.get("watchExpires").isJsonNull());
        });
        // A list not yet served from the index is Gmail's and costs the person's quota, which the sync shares: looked
        // at once a second, not in a tight loop that would spend the minute the sync needs.
        if (!Eventually.within(Duration.ofMinutes(2), Duration.ofSeconds(1), () -> !indexedIds(app, cookie).isEmpty())) {
            throw new IllegalStateException("the list was not served from the index within 2 minutes");
        }
    }

    private List<String> indexedIds(URI app, String cookie) {
        return IndexedPage.ids(api, app, cookie);
    }

    private String account(SandboxControl control, String prefix, int messages) {
        String email = "sync-" + prefix + "-" + accounts.incrementAndGet() + "@example.com";
        control.addAccount(email, "Bench " + prefix);
        for (int m = 0; m < messages; m++) {
            control.addMessage(email, SandboxMessage.of("Sender " + (m % 17) + " <s" + (m % 17) + "@example.com>", email, "Message " + m,
                    JAN_1.plusSeconds(60L * m), "Body of message " + m));
        }
        return email;
    }

    private static JsonObject json(HttpResponse<String> response) {
        if (response.statusCode() != 200) throw new IllegalStateException("expected 200 from " + response.uri() + ", got " + response.statusCode());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(fallback);
    }

    private static String ms(double millis) {
        return Benchmarks.ms(millis);
    }
}
