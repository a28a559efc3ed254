package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * In a real headless Chromium: "Previous" walks the message list back the way "Next" came (Gmail's page tokens only lead
 * forward; the address carries the trail), and the mail frame takes the height of its mail: a short mail leaves no blank area
 * under it, a long one has no scrollbar inside the frame, at desktop and phone width.
 */
class PagingAndFrameBrowserTest {
    private static final String SHORT_SUBJECT = "Frame check short";
    private static final String LONG_SUBJECT = "Frame check long";

    @RegisterExtension
    static final BrowserApp web = new BrowserApp();
    private static String alice;
    private final Browser browser = web.browser();

    @BeforeAll
    static void mail() {
        SandboxControl sandbox = web.sandbox();
        alice = sandbox.demoAccounts().get(0);
        sandbox.addMessage(alice, SandboxMessage.of("Frames <frames@example.org>", alice, SHORT_SUBJECT, Instant.now(), "Two lines.")
                .withHtmlBody("<html><body><p>Two lines,</p><p>no more.</p></body></html>"));
        StringBuilder longMail = new StringBuilder("<html><body><h1>A long letter</h1>");
        for (int i = 1; i <= 150; i++) longMail.append("<p>Paragraph ").append(i).append(" of a letter that goes on and on, wrapping at phone width.</p>");
        sandbox.addMessage(alice, SandboxMessage.of("Frames <frames@example.org>", alice, LONG_SUBJECT, Instant.now(), "A long letter.")
                .withHtmlBody(longMail.append("<p id=\"last\">The end.</p></body></html>").toString()));
    }

    @BeforeEach
    void signedIn() {
        web.signInAs(alice);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private List<String> rowIds() {
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("#messages li.message")).stream()
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

    /** Opens the message alone and waits until the page's script has sized its frame. */
    private void openAndAwaitFittedFrame(String subject) {
        browser.open(web.url("/messages?q=" + java.net.URLEncoder.encode("subject:\"" + subject + "\"", java.nio.charset.StandardCharsets.UTF_8)));
        browser.click("#messages .message a.message-link");
        browser.find("iframe.mail-frame");
        awaitFitted();
    }

    private void awaitFitted() {
        new FluentWait<>(js()).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
                .until(script -> Boolean.TRUE.equals(script.executeScript(
                        "var f = document.querySelector('iframe.mail-frame');"
                                + "return f.classList.contains('fitted') && f.contentDocument.readyState === 'complete';")));
    }

    /** The frame's outer height, its document's height, the room inside it and how far its document scrolls, in CSS pixels. */
    @SuppressWarnings("unchecked")
    private Map<String, Number> frameSizes() {
        return (Map<String, Number>) js().executeScript(
                "var f = document.querySelector('iframe.mail-frame'), d = f.contentDocument;"
                        + "return {frame: f.getBoundingClientRect().height, content: d.documentElement.getBoundingClientRect().height,"
                        + " inside: f.contentWindow.innerHeight, scroll: d.scrollingElement.scrollHeight, window: window.innerHeight};");
    }

    @Test
    void aShortMailsFrameIsAsTallAsTheMailAndNoTaller() {
        openAndAwaitFittedFrame(SHORT_SUBJECT);
        Map<String, Number> sizes = frameSizes();
        assertThat(sizes.get("frame").doubleValue()).as("frame height " + sizes).isBetween(sizes.get("content").doubleValue(),
                sizes.get("content").doubleValue() + 4);
        assertThat(sizes.get("frame").doubleValue()).as("two short paragraphs").isLessThan(200);
        browser.screenshot("33-short-mail-frame");
    }

    @Test
    void aLongMailsFrameHasNoScrollbarInsideAtDesktopAndPhoneWidth() {
        openAndAwaitFittedFrame(LONG_SUBJECT);
        Map<String, Number> desktop = frameSizes();
        assertThat(desktop.get("scroll").doubleValue()).as("no inner scroll " + desktop).isLessThanOrEqualTo(desktop.get("inside").doubleValue());
        assertThat(desktop.get("frame").doubleValue()).as("taller than the window " + desktop).isGreaterThan(desktop.get("window").doubleValue());

        browser.resize(390, 844);
        new FluentWait<>(js()).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
                .until(script -> frameSizes().get("frame").doubleValue() > desktop.get("frame").doubleValue());
        Map<String, Number> phone = frameSizes();
        assertThat(phone.get("scroll").doubleValue()).as("no inner scroll at phone width " + phone)
                .isLessThanOrEqualTo(phone.get("inside").doubleValue());
        browser.screenshot("34-long-mail-frame-phone");
    }
}
