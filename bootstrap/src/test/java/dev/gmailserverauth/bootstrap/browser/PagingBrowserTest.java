package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In a real headless Chromium: "Previous" walks the message list back the way "Next" came (Gmail's page tokens only lead
 * forward; the address carries the trail).
 */
class PagingBrowserTest {
    @RegisterExtension
    static final BrowserApp web = new BrowserApp();
    private final Browser browser = web.browser();

    @BeforeEach
    void signedIn() {
        web.signInAs(web.sandbox().demoAccounts().get(0));
    }

    private List<String> rowIds() {
        return browser.driver().findElements(By.cssSelector("#messages li.message")).stream()
                .map(row -> row.getAttribute("data-message-id")).toList();
    }

    @Test
    void previousWalksBackThePagesNextWentThrough() {
        browser.open(web.url("/messages?maxResults=3"));
        List<List<String>> pages = new ArrayList<>();
        pages.add(rowIds());
        assertThat(browser.has("#previous-page")).isFalse();
        for (int i = 0; i < 3; i++) {
            browser.click("#next-page");
            browser.find("#previous-page");
            pages.add(rowIds());
        }
        assertThat(pages).doesNotHaveDuplicates();
        browser.screenshot("28-messages-previous-page");
        for (int shown = 3; shown > 0; shown--) {
            browser.click("#previous-page");
            browser.find("#messages");
            assertThat(rowIds()).as("page " + shown).isEqualTo(pages.get(shown - 1));
        }
        assertThat(browser.has("#previous-page")).isFalse();
        assertThat(browser.currentUrl()).isEqualTo(web.url("/messages?maxResults=3"));
    }
}
