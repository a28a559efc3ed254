package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxControl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Several Google accounts for one person, in a real headless Chromium against the whole application in sandbox
 * mode: alice signs in, adds bob through the sandbox's account chooser, switches, reads each mailbox, keeps two
 * tabs on two accounts, disconnects bob and keeps alice; bob's revocation at Google marks only bob. Screenshots of
 * the switcher at desktop and phone width.
 */
class LinkedAccountsBrowserTest {
    @RegisterExtension
    static final BrowserApp web = new BrowserApp();
    private final Browser browser = web.browser();
    private final SandboxControl sandbox = web.sandbox();
    private final List<String> demo = sandbox.demoAccounts();
    private final String alice = demo.get(0);
    private final String bob = demo.get(1);

    private String id(String email) {
        return sandbox.userId(email);
    }

    private void signInAliceAndAddBob() {
        web.signInAs(alice);
        browser.click("#account-email");
        browser.click("#add-account");
        web.consentAs(bob);
        browser.find("#messages");
    }

    private List<String> switcherEntries() {
        return browser.driver().findElements(By.cssSelector("#accounts li[data-account]")).stream()
                .map(li -> li.getAttribute("data-account") + " " + li.getAttribute("data-state")).toList();
    }

    @Test
    void aliceAddsBobSwitchesReadsEachMailboxInTwoTabsAndDisconnectsBob() {
        signInAliceAndAddBob();
        assertThat(browser.currentUrl()).isEqualTo(web.url("/messages?account=" + id(bob)));
        assertThat(browser.text("#account-email")).isEqualTo(bob);
        assertThat(switcherEntries()).containsExactly(id(alice) + " connected", id(bob) + " connected");

        browser.click("#account-email");
        browser.screenshot("30-account-switcher-desktop");
        browser.find("#accounts li[data-account='" + id(alice) + "'] a").click();
        browser.find("#messages");
        assertThat(browser.text("#account-email")).isEqualTo(alice);
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isNotEmpty();

        // Two tabs on two accounts: each keeps its own account in every link it follows.
        String aliceTab = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(web.url("/messages?account=" + bob));
        assertThat(browser.text("#account-email")).isEqualTo(bob);
        WebElement firstOfBob = browser.find("#messages .message a.message-link");
        assertThat(firstOfBob.getAttribute("href")).contains("account=" + id(bob));
        firstOfBob.click();
        browser.find("#message-subject");
        assertThat(browser.text("#account-email")).isEqualTo(bob);
        browser.driver().switchTo().window(aliceTab);
        browser.driver().navigate().refresh();
        assertThat(browser.text("#account-email")).as("the other tab still shows alice").isEqualTo(alice);

        browser.resize(390, 844);
        browser.click("#account-email");
        browser.screenshot("31-account-switcher-phone");
        browser.resize(1280, 900);

        browser.open(web.url("/account?account=" + id(bob)));
        assertThat(browser.text("#connection-email")).isEqualTo(bob);
        assertThat(browser.text("#scopes")).contains("Read your mail", "See your email address");
        browser.click("#disconnect-start");
        browser.click("#disconnect");
        browser.find("#messages");
        assertThat(browser.text("#account-email")).isEqualTo(alice);
        assertThat(switcherEntries()).containsExactly(id(alice) + " connected");
    }

    @Test
    void bobsRevocationAtGoogleMarksOnlyBobAndAliceStaysSignedIn() {
        signInAliceAndAddBob();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(web.sandboxUrl("/myaccount/permissions?authuser=" + bob));
        browser.click("li.app[data-client-id='" + SandboxClient.DEFAULT_ID + "'] button");
        browser.find("#notice");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> entries;
        do {
            sandbox.expireAccessTokens(bob);
            browser.open(web.url("/api/messages?account=" + id(bob)));
            browser.open(web.url("/messages?account=" + id(alice)));
            browser.find("#messages");
            entries = switcherEntries();
        } while (!entries.contains(id(bob) + " needs_reconnecting") && System.nanoTime() < deadline);

        assertThat(entries).containsExactly(id(alice) + " connected", id(bob) + " needs_reconnecting");
        assertThat(browser.text("#account-email")).isEqualTo(alice);
        assertThat(browser.driver().findElements(By.cssSelector("#messages .message"))).isNotEmpty();
        browser.click("#account-email");
        assertThat(browser.text("#accounts li[data-account='" + id(bob) + "'] .state")).isEqualTo("needs reconnecting");
        browser.screenshot("32-account-switcher-needs-reconnecting");
    }
}
