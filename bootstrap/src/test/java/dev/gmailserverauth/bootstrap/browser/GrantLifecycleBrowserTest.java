package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A grant's life in a real headless Chromium against the whole application in sandbox mode: time-limited
 * access chosen on the consent page, shown on the pages, ended (both clocks moved), and consent again;
 * the app removed on the sandbox's Google Account page; the connection page. Its own app, because the
 * app's clock moves here.
 */
class GrantLifecycleBrowserTest {
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    @RegisterExtension
    static final BrowserApp web = new BrowserApp().withClock(CLOCK);
    private final Browser browser = web.browser();
    private final SandboxControl sandbox = web.sandbox();
    private final List<String> accounts = sandbox.demoAccounts();

    private String url(String path) {
        return web.url(path);
    }

    private String sandboxUrl(String path) {
        return web.sandboxUrl(path);
    }

    private void reachConsentAs(String email) {
        web.reachConsentAs(email);
    }

    private void moveBothClocks(Duration amount) {
        CLOCK.advance(amount);
        sandbox.advanceClock(amount);
    }

    @Test
    void aTimeLimitedGrantShowsWhenAccessEndsAndAfterTheEndGoesBackThroughConsent() {
        String email = accounts.get(0);
        reachConsentAs(email);
        browser.click("#duration-3600");
        browser.screenshot("12-consent-time-limited");
        browser.click("#allow");
        browser.find("#messages");
        assertThat(browser.text("#access-notice")).contains("Access ends on");
        assertThat(browser.find("#access-ends").getAttribute("datetime")).isNotBlank();
        // A one-hour grant is within the default day of notice: renewing is offered at once.
        assertThat(browser.find("#renew-access").getAttribute("href")).contains("prompt=consent");
        browser.screenshot("13-access-ends");

        moveBothClocks(ONE_HOUR.plusMinutes(1));
        browser.open(url("/messages"));
        assertThat(browser.find("#error-reason").getAttribute("data-reason")).isEqualTo("TIME_LIMITED_ACCESS_ENDED");
        assertThat(browser.text("#error-reason")).contains("limited time");
        browser.screenshot("14-time-limited-access-ended");

        browser.click("#consent-link");
        web.consentAs(email);
        browser.find("#messages");
        assertThat(browser.has("#access-notice")).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isNotEmpty();
    }

    @Test
    void theConnectionPageShowsTheGrantItsLimitAndItsHistory() {
        reachConsentAs(accounts.get(1));
        browser.click("#duration-86400");
        browser.click("#allow");
        browser.find("#messages");
        browser.click("#account-link");
        assertThat(browser.text("#connection-email")).isEqualTo(accounts.get(1));
        assertThat(browser.text("#connected-since")).contains("UTC");
        assertThat(browser.text("#scopes")).contains("Read your mail", "See your email address").doesNotContain("https://");
        assertThat(browser.find("#time-limited").getAttribute("data-time-limited")).isEqualTo("true");
        assertThat(browser.text("#time-limited")).contains("access ends on");
        assertThat(browser.driver().findElements(By.cssSelector("#history li[data-kind]"))).isNotEmpty();
        browser.screenshot("15-connection");
    }

    @Test
    void removingTheAppOnTheGoogleAccountPageSignsThePersonOutWithinASecond() {
        String email = accounts.get(accounts.size() - 1);
        reachConsentAs(email);
        browser.click("#allow");
        browser.find("#messages");

        browser.open(sandboxUrl("/myaccount/permissions?authuser=" + email));
        browser.screenshot("16-google-account-permissions");
        String ours = "li.app[data-client-id='" + SandboxClient.DEFAULT_ID + "'] button";
        long removedAt = System.nanoTime();
        browser.click(ours);
        browser.find("#notice");

        Duration waited;
        do {
            browser.open(url("/messages"));
            waited = Duration.ofNanos(System.nanoTime() - removedAt);
        } while (browser.currentUrl().startsWith(url("/messages")) && waited.compareTo(Duration.ofSeconds(5)) < 0);
        assertThat(browser.currentUrl()).doesNotStartWith(url("/messages"));
        assertThat(waited).isLessThan(Duration.ofSeconds(1));
    }
}
