package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.sandbox.SandboxControl;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person in a real headless Chromium signs in through the sandbox's consent page and reads mail,
 * against the whole application started as {@code ./run} starts it. Screenshots land in
 * {@code bootstrap/target/screenshots}.
 */
class BrowserEndToEndTest {
    @RegisterExtension
    static final BrowserApp web = new BrowserApp();
    private static String fullMailbox;
    private static String emptyMailbox;
    /** Used by one test only: with include_granted_scopes, an account that granted Gmail before keeps it. */
    private static String neverConsented;

    private final GmailServerAuth app = web.app();
    private final Browser browser = web.browser();
    private final SandboxControl sandbox = web.sandbox();

    @BeforeAll
    static void pickAccounts() {
        List<String> demo = web.sandbox().demoAccounts();
        fullMailbox = demo.get(0);
        emptyMailbox = demo.get(demo.size() - 1);
        neverConsented = demo.get(1);
    }

    private String url(String path) {
        return web.url(path);
    }

    /** Landing page → sign in → the sandbox's consent page, with the account picked. */
    private void reachConsentAs(String email) {
        web.startSignIn();
        assertThat(browser.currentUrl()).startsWith(app.sandbox().orElseThrow().baseUrl().toString());
        web.pickAccount(email);
    }

    private void signInAs(String email) {
        reachConsentAs(email);
        browser.click("#allow");
        browser.find("#messages");
    }

    @Test
    void signInListSearchPageTwoOpenAMessageAndSignOut() {
        reachConsentAs(fullMailbox);
        browser.screenshot("01-consent");
        browser.click("#allow");
        browser.find("#messages");
        assertThat(browser.currentUrl()).isEqualTo(url("/messages"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#messages .message"));
        assertThat(rows).hasSizeGreaterThan(10);
        assertThat(browser.find("#labels").getText()).contains("Inbox");
        browser.screenshot("02-messages");

        browser.click("#next-page");
        browser.find("#messages");
        assertThat(browser.currentUrl()).contains("pageToken=");
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isNotEmpty();
        browser.screenshot("03-messages-page-2");

        WebElement search = browser.find("#search-form input[name=q]");
        search.clear();
        search.sendKeys("from:bob@example.com");
        search.submit();
        browser.find("#messages");
        assertThat(browser.currentUrl()).contains("q=from");
        List<WebElement> found = browser.driver().findElements(By.cssSelector("#messages .message"));
        assertThat(found).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).containsIgnoringCase("bob"));
        browser.screenshot("04-search");

        String subject = found.get(0).findElement(By.cssSelector(".subject")).getText();
        found.get(0).findElement(By.cssSelector("a.message-link")).click();
        assertThat(browser.text("#message-subject")).isNotBlank();
        assertThat(subject).contains(browser.text("#message-subject").strip().substring(0, Math.min(10, browser.text("#message-subject").strip().length())));
        assertThat(browser.has("#message-body iframe.mail-frame") || !browser.text("#message-body").isBlank()).isTrue();
        browser.screenshot("05-message");

        browser.click("#logout");
        browser.open(url("/messages"));
        assertThat(browser.currentUrl()).doesNotStartWith(url("/messages"));
    }

    @Test
    void aPhoneSizedWindowShowsTheListToo() {
        browser.resize(390, 844);
        signInAs(fullMailbox);
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isNotEmpty();
        browser.screenshot("06-messages-phone");
    }

    @Test
    void theEmptyMailboxShowsAnEmptyListNotAnError() {
        signInAs(emptyMailbox);
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isEmpty();
        assertThat(browser.has("#next-page")).isFalse();
        browser.screenshot("07-empty-mailbox");
    }

    @Test
    void denyingConsentShowsAFriendlyPageWithARetryLink() {
        reachConsentAs(fullMailbox);
        browser.click("#cancel");
        assertThat(browser.find("#error-reason").getText()).isNotBlank();
        assertThat(browser.find("#consent-link").getAttribute("href")).endsWith("/login");
        browser.screenshot("08-access-denied");
        browser.click("#consent-link");
        assertThat(browser.currentUrl()).startsWith(app.sandbox().orElseThrow().baseUrl().toString());
    }

    @Test
    void uncheckingTheGmailScopeExplainsAndOffersConsentAgain() {
        reachConsentAs(neverConsented);
        WebElement gmail = browser.find("#scope-gmail\\.readonly");
        if (gmail.isSelected()) gmail.click();
        browser.click("#allow");
        assertThat(browser.find("#error-reason").getText()).containsIgnoringCase("gmail");
        browser.screenshot("09-gmail-scope-unticked");

        browser.click("#consent-link");
        browser.find("#consent");
        browser.click("#allow");
        browser.find("#messages");
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isNotEmpty();
    }

    @Test
    void revokedTokensSendThePersonBackThroughConsent() {
        signInAs(fullMailbox);
        sandbox.revokeGrants(fullMailbox);
        browser.open(url("/messages"));
        browser.find("#consent");
        assertThat(browser.currentUrl()).startsWith(app.sandbox().orElseThrow().baseUrl().toString());
        browser.screenshot("10-revoked-back-to-consent");
        browser.click("#allow");
        browser.find("#messages");
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isNotEmpty();
    }

    @Test
    void disconnectRevokesTheGrantAndSignsOut() {
        signInAs(fullMailbox);
        long revokesBefore = sandbox.counters().roundTrips(dev.gmailserverauth.sandbox.Endpoint.REVOKE);
        browser.open(url("/account"));
        browser.click("#disconnect-start");
        assertThat(browser.find("#disconnect-consequences").getText()).contains("revokes", "deletes", "tokens", "sessions");
        browser.click("#disconnect");
        browser.find("#notice");
        assertThat(sandbox.counters().roundTrips(dev.gmailserverauth.sandbox.Endpoint.REVOKE)).isEqualTo(revokesBefore + 1);
        browser.screenshot("11-disconnected");
        browser.open(url("/messages"));
        assertThat(browser.currentUrl()).doesNotStartWith(url("/messages"));
    }
}
