package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages that update themselves, in headless Chromium, end to end: mail delivered in the sandbox reaches the app
 * through Gmail's push and the background sync ({@code APP_SYNC=on}), which writes {@code message.received} to the
 * outbox; the instance's reader hands it to the tab's stream and {@code /static/live.js} adds the row, without a reload,
 * or, on the page of the conversation the message joins, says that a new message arrived.
 */
class LivePagesBrowserTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserApp web = new BrowserApp().withEnvironment(
            Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1H", "APP_SYNC_BACKFILL", "0"));

    private final ApiClient api = new ApiClient();

    @Test
    void newMailJoinsTheOpenListWithoutAReload() {
        String dave = web.sandbox().demoAccounts().stream().filter(a -> a.startsWith("dave")).findFirst()
                .orElseGet(() -> web.sandbox().demoAccounts().get(0));
        web.signInAs(dave);
        assertThat(web.browser().has("#live[data-live=list]")).as("the first list page asks for live updates").isTrue();
        awaitTheFirstSync();
        awaitTheOpenStream();
        JavascriptExecutor page = (JavascriptExecutor) web.browser().driver();
        page.executeScript("window.loadedOnce = 'yes';");

        String id = web.sandbox().addMessage(dave, SandboxMessage.of("Erin <erin@example.org>", dave, "Arrived while you looked", Instant.now(), "hello"));

        new WebDriverWait(web.browser().driver(), BOUND).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#messages > li.live-new[data-message-id='" + id + "']")));
        var row = web.browser().find("#messages > li[data-message-id='" + id + "']");
        assertThat(row.findElement(By.cssSelector(".subject")).getText()).isEqualTo("Arrived while you looked");
        assertThat(row.findElement(By.cssSelector(".from")).getText()).isEqualTo("Erin");
        assertThat(web.browser().find("#messages > li:first-child").getAttribute("data-message-id")).as("on top").isEqualTo(id);
        assertThat(row.findElement(By.cssSelector("a.conversation-link")).getAttribute("href")).contains("/threads/");
        assertThat(page.executeScript("return window.loadedOnce;")).as("the page was not reloaded").isEqualTo("yes");
    }

    @Test
    void aReplyInTheOpenConversationIsAnnouncedWithoutAReload() {
        List<String> accounts = web.sandbox().demoAccounts();
        String email = accounts.get(accounts.size() - 1);
        String thread = web.sandbox().addMessage(email, SandboxMessage.of("Erin <erin@example.org>", email, "Shall we meet?", Instant.now(), "Tuesday?"));
        web.signInAs(email);
        awaitTheFirstSync();
        web.browser().open(web.url("/threads/" + thread));
        assertThat(web.browser().find("#live").getAttribute("data-thread-id")).isEqualTo(thread);
        awaitTheOpenStream();
        JavascriptExecutor page = (JavascriptExecutor) web.browser().driver();
        page.executeScript("window.loadedOnce = 'yes';");

        web.sandbox().addMessage(email, SandboxMessage.of("Erin <erin@example.org>", email, "Re: Shall we meet?", Instant.now(), "Or Wednesday.")
                .inThread(thread));

        new WebDriverWait(web.browser().driver(), BOUND).until(ExpectedConditions.presenceOfElementLocated(By.id("live-new-message")));
        assertThat(web.browser().text("#live-new-message")).startsWith("A new message arrived in this conversation.");
        assertThat(web.browser().find("#live-new-message a").getAttribute("href")).endsWith("/threads/" + thread);
        assertThat(web.browser().text("#thread-count")).as("the page itself is as it was").isEqualTo("1 message");
        assertThat(page.executeScript("return window.loadedOnce;")).as("the page was not reloaded").isEqualTo("yes");
    }

    /** The person's first sync is done, with a checkpoint and a watch: from now on new mail comes through history and is told. */
    private void awaitTheFirstSync() {
        String cookie = sessionCookie();
        // The first import tells nothing (decision 0058): none here (APP_SYNC_BACKFILL=0), so the new mail comes through history.
        Eventually.await("the first sync is done, with a checkpoint and a watch", BOUND, () -> {
            JsonObject sync = json(api.get(web.app().baseUrl().resolve("/api/sync"), cookie));
            return sync.get("state").getAsString().equals("ACTIVE") && !sync.get("watchExpires").isJsonNull()
                    && !sync.get("backfilling").getAsBoolean();
        });
    }

    /** live.js says on #live when the page's event stream is open: what happens from then on reaches the page. */
    private void awaitTheOpenStream() {
        new WebDriverWait(web.browser().driver(), BOUND).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live[data-stream=open]")));
    }

    private String sessionCookie() {
        Cookie sid = web.browser().driver().manage().getCookieNamed("sid");
        assertThat(sid).as("the session cookie").isNotNull();
        return "sid=" + sid.getValue();
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
