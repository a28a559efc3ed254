package dev.gmailserverauth.bootstrap.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.fake.InMemoryEventOutbox;
import dev.gmailserverauth.domain.fake.InMemoryTransactions;
import dev.gmailserverauth.application.AccessOutcome;
import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.BeginAuthorization;
import dev.gmailserverauth.application.CompleteAuthorization;
import dev.gmailserverauth.application.ListAllMessages;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.application.Pause;
import dev.gmailserverauth.application.RenewalNotice;
import dev.gmailserverauth.application.SummaryCache;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.domain.fake.InMemoryAccountHistory;
import dev.gmailserverauth.domain.fake.InMemoryCredentialRepository;
import dev.gmailserverauth.domain.fake.InMemoryPendingAuthorizationStore;
import dev.gmailserverauth.domain.fake.InMemoryRefreshLock;
import dev.gmailserverauth.domain.fake.InMemorySignInHolds;
import dev.gmailserverauth.domain.fake.InMemorySyncJobs;
import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.Issuer;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.google.GmailLimits;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import dev.gmailserverauth.google.GoogleAdapters;
import dev.gmailserverauth.google.QuotaProfile;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.LimitUsage;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The sections of issue 12 (Gmail at Google's real per-user limits), run by {@link Benchmarks}:
 * {@code limitpages}, {@code browse}, {@code listall}, {@code overquota}, {@code fields}; and of issue 24: {@code quotaprofiles}.
 */
final class LimitsBenchmarks {
    private static final Duration INJECTED = Duration.ofMillis(50);
    private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");

    private final ApiClient api = new ApiClient();
    private final Consumer<Benchmarks.Row> rows;
    private final AtomicInteger accounts = new AtomicInteger();

    LimitsBenchmarks(Consumer<Benchmarks.Row> rows) {
        this.rows = Benchmarks.printedAsTheyCome(rows);
    }

    // ---- one page of 50 and of 100 at 10 and at 5 concurrent requests per user --------------------

    void pagesAtLowConcurrency() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SUMMARY_CACHE_SIZE", "0"))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            control.setLatency(INJECTED);
            for (int concurrency : new int[] {10, 5}) {
                for (int size : new int[] {50, 100}) {
                    String email = account(control, "pages", 100);
                    String cookie = new HttpSignIn().signIn(app.baseUrl(), email);
                    control.setLimits(SandboxLimits.google().withConcurrentRequests(concurrency));
                    URI page = app.baseUrl().resolve("/api/messages?maxResults=" + size);
                    View first = view(control, email, page, cookie);
                    View repeat = view(control, email, page, cookie);
                    rows.accept(new Benchmarks.Row("one page of " + size + " at " + concurrency + " concurrent requests per user (sandbox), "
                            + "50 ms injected, no summary cache: first view / repeat view (batch size learnt)", "complete",
                            first + " / " + repeat, "before: 503, the summaries that arrived thrown away",
                            first.complete && repeat.complete));
                    control.resetLimits();
                }
            }
            control.setLatency(Duration.ZERO);
        }
    }

    /** One timed GET of a list page: complete or not, round trips and refused calls at the sandbox. */
    private View view(SandboxControl control, String email, URI page, String cookie) {
        control.resetCounters();
        control.resetLimitUsage();
        long start = System.nanoTime();
        HttpResponse<String> response = api.get(page, cookie);
        long nanos = System.nanoTime() - start;
        boolean complete = response.statusCode() == 200 && !JsonParser.parseString(response.body()).getAsJsonObject().get("partial").getAsBoolean();
        LimitUsage usage = control.limitUsage(email);
        return new View(response.statusCode(), complete, control.counters().totalRoundTrips(), usage.concurrencyRefusals(), nanos / 1e6);
    }

    private record View(int status, boolean complete, long roundTrips, long refused, double millis) {
        @Override
        public String toString() {
            return (status != 200 ? "HTTP " + status : complete ? "complete" : "partial") + ", " + roundTrips + " round trips, "
                    + refused + " parts refused, " + String.format("%.0f ms", millis);
        }
    }

    // ---- 20 users browsing at once for 60 s under the default limits -------------------------------

    void browsing() throws Exception {
        // The long-standing table on both sides, as the row says: on a new project's table (20 units a read, 6,000 a
        // minute) a person opening a page every 250 ms spends the minute in seconds, which quotaprofiles measures.
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("GMAIL_QUOTA_PROFILE", "legacy"))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 20; i++) users.add(account(control, "browse", 200));
            control.resetLimitUsage();

            String probe = account(control, "probe", 200);
            String probeCookie = new HttpSignIn().signIn(app.baseUrl(), probe);
            URI firstPage = app.baseUrl().resolve("/api/messages?maxResults=25");
            control.resetLimitUsage();
            api.get(firstPage, probeCookie);
            long firstUnits = control.limitUsage(probe).unitsTotal();
            api.get(firstPage, probeCookie);
            long repeatUnits = control.limitUsage(probe).unitsTotal() - firstUnits;

            AtomicLong views = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(users.size());
            List<Future<?>> workers = new ArrayList<>();
            for (String email : users) workers.add(pool.submit(() -> browse(app.baseUrl(), email, end, views, failed)));
            for (Future<?> worker : workers) worker.get();
            pool.shutdownNow();

            long quota = 0;
            long concurrency = 0;
            for (String email : users) {
                quota += control.limitUsage(email).quotaRefusals();
                concurrency += control.limitUsage(email).concurrencyRefusals();
            }
            rows.accept(new Benchmarks.Row("20 users browsing at once for 60 s (sign in, list 25, next page, open 3 messages, list again; "
                    + "250 ms between views), the long-standing quota table (15,000 units/user/min, 50 concurrent)", "0 failed page views",
                    String.format("%d page views, %d failed; from Google: %d quota refusals (403), %d concurrency refusals (429)",
                            views.get(), failed.get(), quota, concurrency), "—", failed.get() == 0));
            rows.accept(new Benchmarks.Row("Gmail quota units per page view of 25 (first view / repeat view, summary cache on)", "report",
                    firstUnits + " / " + repeatUnits, "5 + 25 × 5 = 130 without the cache", true));
        }
    }

    private void browse(URI app, String email, long end, AtomicLong views, AtomicLong failed) {
        HttpSignIn signIn = new HttpSignIn();
        while (System.nanoTime() < end) {
            try {
                String cookie = signIn.signIn(app, email);
                JsonObject first = json(count(api.get(app.resolve("/api/messages?maxResults=25"), cookie), views, failed));
                think();
                Optional<String> next = Optional.ofNullable(first.get("nextPageToken")).filter(t -> !t.isJsonNull()).map(t -> t.getAsString());
                if (next.isPresent()) {
                    count(api.get(app.resolve("/api/messages?maxResults=25&pageToken=" + next.get()), cookie), views, failed);
                    think();
                }
                JsonArray messages = first.getAsJsonArray("messages");
                for (int i = 0; i < 3 && i < messages.size() && System.nanoTime() < end; i++) {
                    count(api.get(app.resolve("/messages/" + messages.get(i).getAsJsonObject().get("id").getAsString()), cookie), views, failed);
                    think();
                }
                count(api.get(app.resolve("/api/messages?maxResults=25"), cookie), views, failed);
                think();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }
    }

    private static HttpResponse<String> count(HttpResponse<String> response, AtomicLong views, AtomicLong failed) {
        views.incrementAndGet();
        if (response.statusCode() != 200) failed.incrementAndGet();
        return response;
    }

    private static JsonObject json(HttpResponse<String> response) {
        if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** A person's pause between two page views: part of the load being modelled, not a wait for anything. */
    private static void think() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- ListAllMessages at 15,000 and at 6,000 units per minute ----------------------------------

    /**
     * A mailbox of 10,000 messages at both budgets (the sandbox's quota minute is real, so this takes about
     * twelve minutes; {@code BENCH_LISTALL_MESSAGES} makes it smaller), and a smaller one for the app told
     * the wrong budget.
     */
    void listAll() throws Exception {
        int messages = Integer.parseInt(System.getenv().getOrDefault("BENCH_LISTALL_MESSAGES", "10000"));
        listAll(messages, 15_000, 15_000);
        listAll(messages, 6_000, 6_000);
        listAll(Math.min(messages, 2_000), 6_000, 15_000);
    }

    private void listAll(int messages, int sandboxUnits, int configuredUnits) throws Exception {
        RedirectUri redirect = RedirectUri.of("http://localhost:8080/oauth2/callback");
        SandboxConfig sandboxConfig = SandboxConfig.defaults(List.of(redirect.value().toString())).withDemoData(false)
                .withLimits(SandboxLimits.google().withUnitsPerMinute(sandboxUnits));
        Clock clock = Clock.systemUTC();
        try (GoogleSandbox sandbox = GoogleSandbox.start(sandboxConfig);
                GoogleAdapters google = GoogleAdapters.create(GoogleAdapterConfig.forSandbox(sandbox.baseUrl(), SandboxClient.DEFAULT_ID,
                        SandboxClient.DEFAULT_SECRET).withLimits(GmailLimits.DEFAULT.withUnitsPerMinute(configuredUnits)), clock)) {
            String email = account(sandbox.control(), "all", messages);
            MailboxGrant grant = signIn(sandbox, google, redirect, email, clock);
            ListAllMessages listAll = new ListAllMessages(new ListMessages(google.mailbox(), new SummaryCache(messages, Duration.ofMinutes(10), clock)),
                    clock, Pause.sleepingOn(clock));
            sandbox.control().resetLimitUsage();
            AtomicInteger waits = new AtomicInteger();
            long start = System.nanoTime();
            MailOutcome<List<MessageSummary>> outcome = listAll.listAll(grant, new ListAllMessages.Query(SearchQuery.ALL, messages),
                    progress -> {
                        if (progress.waitingUntil().isPresent()) waits.incrementAndGet();
                    });
            double minutes = (System.nanoTime() - start) / 60e9;
            int listed = outcome instanceof MailOutcome.Success<List<MessageSummary>> success ? success.value().size() : -1;
            LimitUsage usage = sandbox.control().limitUsage(email);
            long units = 5L * ((messages + 499) / 500) + 5L * messages;
            double floor = (double) units / sandboxUnits;
            double afterBurst = Math.max(0, (double) (units - sandboxUnits) / sandboxUnits);
            rows.accept(new Benchmarks.Row(String.format("ListAllMessages over %,d messages,"
                            + " Gmail at %,d units/user/min, the app told %,d", messages, sandboxUnits, configuredUnits), "all listed, near the floor",
                    String.format("%,d listed in %.2f min; %d waits; %d quota refusals from Google; %,d units charged", listed, minutes, waits.get(),
                            usage.quotaRefusals(), usage.unitsTotal()),
                    String.format("quota floor %,d units ÷ %,d/min = %.2f min (%.2f min after the first minute's full allowance)", units,
                            sandboxUnits, floor, afterBurst),
                    listed == messages));
        }
    }

    // ---- page views under the long-standing quota table and under the table of new projects (issue 24) ----

    /**
     * A person paging through their mailbox, 50 summaries a page, none cached, waiting whenever the answer is "rate
     * limited", under each of Gmail's quota tables, with the adapter told the same table as the sandbox plays:
     * pages per minute and units per page view. The quota minute is real: {@code BENCH_QUOTA_PAGES} (default 15,
     * about three minutes in all) sets how many pages each table gets.
     */
    void quotaProfiles() throws Exception {
        int pages = Integer.parseInt(System.getenv().getOrDefault("BENCH_QUOTA_PAGES", "15"));
        quotaProfile(QuotaProfile.LEGACY, SandboxLimits.QuotaTable.LEGACY, pages);
        quotaProfile(QuotaProfile.NEW_PROJECT_2026, SandboxLimits.QuotaTable.NEW_PROJECT_2026, pages);
    }

    private void quotaProfile(QuotaProfile profile, SandboxLimits.QuotaTable table, int pages) throws Exception {
        RedirectUri redirect = RedirectUri.of("http://localhost:8080/oauth2/callback");
        SandboxConfig sandboxConfig = SandboxConfig.defaults(List.of(redirect.value().toString())).withDemoData(false)
                .withLimits(SandboxLimits.google().withUnitsPerMinute(profile.unitsPerMinute()).withQuotaTable(table));
        Clock clock = Clock.systemUTC();
        try (GoogleSandbox sandbox = GoogleSandbox.start(sandboxConfig);
                GoogleAdapters google = GoogleAdapters.create(GoogleAdapterConfig.forSandbox(sandbox.baseUrl(), SandboxClient.DEFAULT_ID,
                        SandboxClient.DEFAULT_SECRET).withLimits(GmailLimits.of(profile)), clock)) {
            int page = 50;
            String email = account(sandbox.control(), "quota-" + profile.id(), pages * page);
            MailboxGrant grant = signIn(sandbox, google, redirect, email, clock);
            ListMessages list = new ListMessages(google.mailbox(), new SummaryCache(pages * page, Duration.ofMinutes(10), clock));
            Pause pause = Pause.sleepingOn(clock);
            sandbox.control().resetLimitUsage();
            int viewed = 0;
            int waits = 0;
            Optional<PageToken> next = Optional.empty();
            long start = System.nanoTime();
            while (viewed < pages) {
                MailOutcome<ListMessages.Listing> outcome = list.list(grant, new ListMessages.Query(SearchQuery.ALL, next, new PageSize(page)));
                if (outcome instanceof MailOutcome.RateLimited<ListMessages.Listing> limited) {
                    waits++;
                    pause.until(limited.retryAt());
                    continue;
                }
                if (!(outcome instanceof MailOutcome.Success<ListMessages.Listing> success)) throw new IllegalStateException("page failed: " + outcome);
                if (!success.value().complete()) {
                    waits++;
                    pause.until(clock.instant().plusSeconds(1));
                    continue;
                }
                viewed++;
                next = success.value().page().nextPageToken();
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            LimitUsage usage = sandbox.control().limitUsage(email);
            double unitsPerPage = (double) usage.unitsTotal() / viewed;
            sandbox.control().resetLimitUsage();
            list.list(grant, new ListMessages.Query(SearchQuery.ALL, Optional.empty(), new PageSize(page)));
            long repeatUnits = sandbox.control().limitUsage(email).unitsTotal();
            rows.accept(new Benchmarks.Row(String.format("uncached page views of 50 summaries, quota table %s (%,d units/user/min), adapter on the same"
                            + " table", profile.id(), profile.unitsPerMinute()), "no refusals from Google",
                    String.format("%.1f pages/min (%d pages in %.2f min, %d waits); %.0f units per page view, a repeat view %d; %d quota refusals",
                            viewed / minutes, viewed, minutes, waits, unitsPerPage, repeatUnits, usage.quotaRefusals()),
                    String.format("quota ceiling %,d ÷ %.0f = %.1f pages/min", profile.unitsPerMinute(), unitsPerPage,
                            profile.unitsPerMinute() / unitsPerPage),
                    usage.quotaRefusals() == 0));
        }
    }

    /** The real flow (consent page, code exchange, userinfo) into in-memory stores; the grant a request would open. */
    private static MailboxGrant signIn(GoogleSandbox sandbox, GoogleAdapters google, RedirectUri redirect, String email, Clock clock) {
        InMemoryCredentialRepository credentials = new InMemoryCredentialRepository();
        InMemoryPendingAuthorizationStore pending = new InMemoryPendingAuthorizationStore();
        BeginAuthorization begin = new BeginAuthorization(google.authorizationProvider(), pending, credentials, redirect, 100, clock);
        BrowserNonce browser = BrowserNonce.random();
        BeginAuthorization.Start start = begin.begin(BeginAuthorization.Command.anonymous(browser.binding()));
        if (!(start instanceof BeginAuthorization.Start.Started started)) throw new IllegalStateException("sign-in refused: " + start);
        URI back = new HttpSignIn().approve(started.url().value(), email);
        QueryString query = QueryString.of(back);
        InMemoryAccountHistory history = new InMemoryAccountHistory();
        EventRecorder events = new EventRecorder(new InMemoryTransactions(), new InMemoryEventOutbox());
        AuthorizationOutcome outcome = new CompleteAuthorization(google.authorizationProvider(), pending, credentials,
                new dev.gmailserverauth.domain.fake.InMemoryLinkedAccounts(), new InMemorySignInHolds(),
                history, events, new Issuer(sandbox.control().issuer()), new InMemorySyncJobs(), clock)
                .complete(new CompleteAuthorization.Callback(Optional.of(query.require("state")), Optional.of(query.require("code")), Optional.empty(),
                        Optional.of(browser)));
        if (!(outcome instanceof AuthorizationOutcome.Authorized authorized)) throw new IllegalStateException("sign-in failed: " + outcome);
        AccessOutcome access = new AuthorizedAccess(credentials, google.authorizationProvider(), new InMemoryRefreshLock(), history,
                events, new RenewalNotice(RenewalNotice.DEFAULT), clock).open(authorized.userId());
        return ((AccessOutcome.Granted) access).grant();
    }

    // ---- Google calls and time per request while over quota ---------------------------------------

    void overQuota() throws Exception {
        for (boolean retryAfter : new boolean[] {false, true}) {
            try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SUMMARY_CACHE_SIZE", "0"))) {
                SandboxControl control = app.sandbox().orElseThrow().control();
                String email = account(control, "quota", 50);
                String cookie = new HttpSignIn().signIn(app.baseUrl(), email);
                URI page = app.baseUrl().resolve("/api/messages?maxResults=10");
                control.setLimits(SandboxLimits.google().withUnitsPerMinute(110).withRetryAfter(retryAfter));
                control.resetLimitUsage();
                while (api.get(page, cookie).statusCode() == 200) {
                    // spend the quota: 55 units a page
                }
                long callsBefore = control.limitUsage(email).quotaRefusals();
                List<String> perRequest = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long before = control.limitUsage(email).quotaRefusals() + control.limitUsage(email).unitsTotal() / 5;
                    long start = System.nanoTime();
                    HttpResponse<String> response = api.get(page, cookie);
                    double millis = (System.nanoTime() - start) / 1e6;
                    long calls = control.limitUsage(email).quotaRefusals() + control.limitUsage(email).unitsTotal() / 5 - before;
                    perRequest.add(String.format("%d → %d call(s), %.0f ms, Retry-After %s", response.statusCode(), calls, millis,
                            response.headers().firstValue("Retry-After").orElse("-")));
                }
                rows.accept(new Benchmarks.Row("while over quota (sandbox at 110 units/user/min, " + (retryAfter ? "with" : "no")
                        + " Retry-After), 5 requests of /api/messages in a row after the one that met the quota ("
                        + callsBefore + " refused call(s) in that one)", "a handful of calls, no storm",
                        String.join("; ", perRequest), "before: 3 blind retries per request, then 503 without Retry-After", true));
            }
        }
    }

    // ---- /api/messages at 50 ms injected, first view, with fields= -------------------------------

    void latencyWithFields() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp(Benchmarks.withUnmetered(Map.of("APP_SUMMARY_CACHE_SIZE", "0")))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            control.setLimits(SandboxLimits.unlimited());
            String cookie = new HttpSignIn().signIn(app.baseUrl(), control.demoAccounts().get(0));
            URI page = app.baseUrl().resolve("/api/messages?maxResults=50");
            for (int i = 0; i < 300; i++) expect(api.get(page, cookie));
            control.setLatency(INJECTED);
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < 10; i++) expect(api.get(page, cookie));
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                expect(api.get(page, cookie));
                nanos.add(System.nanoTime() - start);
            }
            Stats stats = new Stats(nanos);
            double target = 2 * INJECTED.toMillis() + 15;
            rows.accept(new Benchmarks.Row("/api/messages?maxResults=50, first view (no summary cache), 50 ms injected, with fields= and gzip,"
                    + " p50 / p95", "p50 ≤ " + (int) target + " ms",
                    String.format("%.1f ms / %.1f ms (n=%d)", stats.percentileMillis(50), stats.percentileMillis(95), stats.count()),
                    "118.7 ms before (no fields=)", stats.percentileMillis(50) <= target));
        }
    }

    private static void expect(HttpResponse<String> response) {
        if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode() + " from " + response.uri());
    }

    private String account(SandboxControl control, String prefix, int messages) {
        String email = prefix + "-" + accounts.incrementAndGet() + "@example.com";
        control.addAccount(email, "Bench " + prefix);
        for (int m = 0; m < messages; m++) {
            control.addMessage(email, SandboxMessage.of("Sender " + (m % 17) + " <s" + (m % 17) + "@example.com>", email, "Message " + m,
                    JAN_1.plusSeconds(60L * m), "Body of message " + m));
        }
        return email;
    }
}
