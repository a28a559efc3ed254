package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.sandbox.SandboxControl;
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
 * The connection page, open in headless Chromium, hears of its grant's life over the event stream without a reload:
 * {@code account.access_ending} when a time-limited grant is first used inside its notice period, and
 * {@code account.reauthorization_required} when the app is revoked at Google. Each is caused as the grant-lifecycle
 * tests cause it (the app's clock moved into the notice period; the sandbox revoking the grant), and told when the
 * person's next request uses the grant. Its own app, because the app's clock moves here.
 */
class LiveAccountNoticesBrowserTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    /** A one-hour grant is offered renewal 59 minutes before its end: not at consent, but a few minutes later. */
    @RegisterExtension
    static final BrowserApp web = new BrowserApp().withClock(CLOCK).withEnvironment(Map.of("APP_REAUTH_NOTICE", "PT59M"));

    private final Browser browser = web.browser();
    private final SandboxControl sandbox = web.sandbox();
    private final List<String> accounts = sandbox.demoAccounts();
    private final ApiClient api = new ApiClient();

    @Test
    void accessEndingIsShownOnTheOpenConnectionPage() {
        web.reachConsentAs(accounts.get(0));
        browser.click("#duration-3600");
        browser.click("#allow");
        browser.find("#messages");
        openTheConnectionPage();
        assertThat(browser.has("#renew-connection")).as("not yet inside the notice period").isFalse();

        CLOCK.advance(Duration.ofMinutes(5));
        useTheGrant();

        awaitNotice("live-access-ending");
        assertThat(browser.text("#live-access-ending")).startsWith("Access ends on ").contains("limited time");
        assertThat(browser.find("#live-access-ending a").getAttribute("href")).endsWith("/account");
        assertThat(browser.find("#live").getAttribute("data-stream")).as("the stream stays open").isEqualTo("open");
        assertNotReloaded();
    }

    @Test
    void aGrantRevokedAtGoogleShowsThatTheAccountNeedsReconnecting() {
        String email = accounts.get(1);
        web.signInAs(email);
        openTheConnectionPage();

        sandbox.revokeGrants(email);
        useTheGrant();

        awaitNotice("live-reconnect");
        assertThat(browser.text("#live-reconnect")).contains("needs reconnecting");
        assertThat(browser.find("#live-reconnect a").getAttribute("href")).endsWith("/account");
        new WebDriverWait(browser.driver(), BOUND).until(ExpectedConditions.attributeToBe(By.id("live"), "data-stream", "closed"));
        assertNotReloaded();
    }

    /** The connection page with its event stream open, and a mark that a reload would wipe. */
    private void openTheConnectionPage() {
        browser.click("#account-link");
        browser.find("#connection-email");
        new WebDriverWait(browser.driver(), BOUND).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live[data-live=account][data-stream=open]")));
        ((JavascriptExecutor) browser.driver()).executeScript("window.loadedOnce = 'yes';");
    }

    /** The person's next request that reads mail, from another client of the same session (the page stays as it is). */
    private void useTheGrant() {
        Cookie sid = browser.driver().manage().getCookieNamed("sid");
        assertThat(sid).as("the session cookie").isNotNull();
        api.get(web.app().baseUrl().resolve("/api/messages"), "sid=" + sid.getValue());
    }

    private void awaitNotice(String id) {
        new WebDriverWait(browser.driver(), BOUND).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void assertNotReloaded() {
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.loadedOnce;")).as("the page was not reloaded").isEqualTo("yes");
    }
}
