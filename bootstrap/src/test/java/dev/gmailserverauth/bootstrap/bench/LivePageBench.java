package dev.gmailserverauth.bootstrap.bench;

import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.bootstrap.bench.Benchmarks.Row;
import dev.gmailserverauth.bootstrap.browser.Browser;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21's "new mail → visible in an open page over SSE" ({@code ssepage}): the app in sandbox mode with the background
 * sync, a headless Chromium with the person's list page open and its event stream connected, and {@code BENCH_SSE_N}
 * (default 20) mails delivered in the sandbox one after another. Each is timed from the sandbox's control call to the
 * moment {@code /static/live.js} put its row in the page: the script stamps a live row with the browser's clock
 * ({@code data-added-at}, milliseconds since the epoch) and the bench reads it through WebDriver, so the polling of the
 * DOM adds nothing to the figure. Both clocks are this machine's wall clock. The path: Pub/Sub push, the sync's history
 * read, the outbox, the instance's outbox reader (every 500 ms, decision 0059), the stream, the script.
 */
final class LivePageBench {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final Consumer<Row> rows;
    private final Random random = new Random(21);

    LivePageBench(Consumer<Row> rows) {
        this.rows = rows;
    }

    void run() throws InterruptedException {
        int iterations = Integer.parseInt(System.getenv().getOrDefault("BENCH_SSE_N", "20"));
        Map<String, String> env = new HashMap<>(Benchmarks.UNMETERED);
        env.put("APP_SYNC", "on");
        try (Browser browser = Browser.start(); GmailServerAuth app = TestApps.startSandboxApp(env)) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            control.setLimits(SandboxLimits.unlimited());
            String email = "ssepage-" + System.nanoTime() % 100_000 + "@example.com";
            control.addAccount(email, "SSE page");
            String cookie = WebhookBench.signInAndAwaitTheFirstSync(app.baseUrl(), email);
            browser.open(app.baseUrl().resolve("/health").toString());
            for (String pair : cookie.split("; ")) {
                String[] named = pair.split("=", 2);
                browser.driver().manage().addCookie(new Cookie.Builder(named[0], named[1]).path("/").isHttpOnly(true).build());
            }
            browser.open(app.baseUrl().resolve("/messages").toString());
            new WebDriverWait(browser.driver(), BOUND).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live[data-stream=open]")));

            for (int i = 0; i < 3; i++) untilVisible(browser, control, email, "warm-up " + i);
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < iterations; i++) nanos.add(TimeUnit.MILLISECONDS.toNanos(untilVisible(browser, control, email, "live " + i)));
            Stats stats = new Stats(nanos);
            rows.accept(new Row("(issue 21) mail delivered in the sandbox → its row in an open list page in headless Chromium, over SSE"
                    + " (Pub/Sub push, sync, outbox, the instance's 500 ms outbox reader, live.js), p50 / p95",
                    "report",
                    Benchmarks.ms(stats.percentileMillis(50)) + " / " + Benchmarks.ms(stats.percentileMillis(95)) + " (n=" + stats.count() + ")",
                    "the hooklatency row (the same path up to the outbox, then a webhook delivery round)",
                    stats.count() == iterations));
        }
    }

    /**
     * Milliseconds from the control call that delivers a mail to its row's insertion in the page. A random pause of up to
     * a second first, so the deliveries do not fall in step with the outbox reader's rounds.
     */
    private long untilVisible(Browser browser, SandboxControl control, String email, String subject) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(random.nextInt(1000));
        long sent = System.currentTimeMillis();
        String id = control.addMessage(email, SandboxMessage.of("Bench <bench@example.org>", email, subject, Instant.now(), "hello"));
        String row = "#messages > li.live-new[data-message-id='" + id + "']";
        new WebDriverWait(browser.driver(), BOUND, Duration.ofMillis(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
        return Long.parseLong(browser.find(row).getAttribute("data-added-at")) - sent;
    }
}
