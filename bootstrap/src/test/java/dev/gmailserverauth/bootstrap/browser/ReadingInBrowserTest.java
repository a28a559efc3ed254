package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.sandbox.SandboxAttachment;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Reading mail in a real headless Chromium, against the whole application in sandbox mode: a
 * conversation, an HTML newsletter whose tracker is blocked until "Show images" and again after "Hide images" (the tracker is a real
 * HTTPS server on the loopback address that counts what it is asked for), an attachment download with a
 * non-ASCII name, and the phone width. Screenshots land in {@code bootstrap/target/screenshots}.
 */
class ReadingInBrowserTest {
    private static final String TRACKED_SUBJECT = "Tracker check";
    private static final String SHORT_SUBJECT = "Frame short note";
    private static final String LONG_SUBJECT = "Frame long letter";
    /** The mail frame's height, its mail's height and whether the mail scrolls inside it, once the frame is sized and loaded. */
    private static final String FRAME_STATE = """
            var frame = document.querySelector('iframe.mail-frame');
            var mail = frame && frame.contentDocument;
            if (!mail || mail.URL === 'about:blank' || mail.readyState !== 'complete' || !frame.classList.contains('fitted')) return null;
            var root = mail.documentElement;
            return {frame: frame.clientHeight, mail: Math.ceil(root.getBoundingClientRect().height), scrollHeight: root.scrollHeight,
                    clientHeight: root.clientHeight, wide: root.scrollWidth > root.clientWidth, frameWidth: frame.clientWidth,
                    window: window.innerHeight};
            """;
    private static final byte[] LOGO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAOUlEQVR42mP4TyJgQOZ4tb3AirBrwKUaTQ8DMaqR9TCgqSbotlENaHGEqZlcDSRHHDlJg5zERyQAABR6QTsGocw8AAAAAElFTkSuQmCC");

    @RegisterExtension
    static final BrowserApp web = new BrowserApp().withBrowserArguments(List.of("--ignore-certificate-errors"));
    private static CountingHttpsServer tracker;
    private static String alice;
    private final GmailServerAuth app = web.app();
    private final Browser browser = web.browser();

    @BeforeAll
    static void start() {
        tracker = new CountingHttpsServer();
        SandboxControl sandbox = web.sandbox();
        alice = sandbox.demoAccounts().get(0);
        sandbox.addMessage(alice, trackedLetter());
        sandbox.addMessage(alice, SandboxMessage.of("Dana <dana@notes.example>", alice, SHORT_SUBJECT, Instant.now(), "See you at noon.")
                .withHtmlBody("<html><body><p>See you at noon.</p></body></html>"));
        StringBuilder letter = new StringBuilder("<html><body><h1>A long letter</h1>");
        for (int i = 1; i <= 60; i++) letter.append("<p>Paragraph ").append(i).append(" of a letter long enough to need the page to scroll.</p>");
        letter.append("<table width=\"900\"><tr><td>A table wider than a phone, so the frame scrolls sideways.</td></tr></table><p>The end.</p></body></html>");
        sandbox.addMessage(alice, SandboxMessage.of("Eve <eve@letters.example>", alice, LONG_SUBJECT, Instant.now(), "A long letter")
                .withHtmlBody(letter.toString()));
    }

    @AfterAll
    static void stop() {
        if (tracker != null) tracker.close();
    }

    @BeforeEach
    void signedInAsAlice() {
        web.signInAs(alice);
    }

    /** A letter whose remote images and CSS point at the counting tracker, with an inline logo and a script. */
    private static SandboxMessage trackedLetter() {
        String html = "<html><head><style>.banner{background:url('" + tracker.url("/css-background.png") + "');color:#174ea6}</style>"
                + "<script>document.title='script ran'</script></head><body>"
                + "<img src=\"cid:logo@letters.example\" alt=\"Logo\" width=\"16\" height=\"16\">"
                + "<h1 class=\"banner\">Tracker check</h1><p>This letter counts its readers.</p>"
                + "<img id=\"pixel\" src=\"" + tracker.url("/open.gif?u=alice") + "\" width=\"40\" height=\"40\" alt=\"tracking pixel\">"
                + "<p><a href=\"https://letters.example/read\">Read online</a></p></body></html>";
        return SandboxMessage.of("Letters Weekly <news@letters.example>", alice, TRACKED_SUBJECT, Instant.now(), "This letter counts its readers.")
                .withHtmlBody(html)
                .withLabels(List.of("INBOX", "UNREAD", "CATEGORY_PROMOTIONS"))
                .withAttachments(List.of(SandboxAttachment.inline("logo.png", "image/png", LOGO, "logo@letters.example")));
    }

    private void search(String query) {
        browser.open(app.baseUrl() + "/messages?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        browser.find("#messages");
    }

    private WebElement firstRow() {
        return browser.find("#messages .message");
    }

    /** Waits until the message frame has loaded its document, then returns to the page. */
    private void awaitFrame() {
        WebElement frame = browser.find("iframe.mail-frame");
        browser.driver().switchTo().frame(frame);
        browser.find("body p");
        browser.driver().switchTo().defaultContent();
    }

    @Test
    void aConversationShowsItsMessagesInOrderWithTheLatestOpen() {
        search("subject:kickoff");
        firstRow().findElement(By.cssSelector("a.conversation-link")).click();
        browser.find("#thread");
        assertThat(browser.text("#thread-subject")).isEqualTo("Project Apollo kickoff");
        List<WebElement> messages = browser.driver().findElements(By.cssSelector("details.thread-message"));
        assertThat(messages).hasSize(5);
        assertThat(messages).extracting(m -> m.getAttribute("open") != null).containsExactly(false, false, false, false, true);
        assertThat(messages.get(4).getText()).contains("Kickoff notes are in the wiki");
        assertThat(browser.find("#thread").getText()).contains("Projects/Apollo");
        browser.screenshot("20-conversation");

        messages.get(2).findElement(By.cssSelector("summary")).click();
        assertThat(messages.get(2).getAttribute("open")).isNotNull();
        assertThat(messages.get(2).findElement(By.cssSelector(".attachment a.download")).getText()).isEqualTo("apollo-plan.pdf");
        browser.screenshot("21-conversation-older-message-opened");
    }

    @Test
    void aNewsletterLoadsNoRemoteImageUntilTheReaderAsks() {
        search("subject:\"" + TRACKED_SUBJECT + "\"");
        firstRow().findElement(By.cssSelector("a.message-link")).click();
        awaitFrame();
        assertThat(browser.find(".remote-note").getText()).contains("2 remote images were not loaded");
        browser.driver().switchTo().frame(browser.find("iframe.mail-frame"));
        assertThat(browser.find("img[alt='tracking pixel']").getAttribute("src")).isNull();
        assertThat(browser.driver().getTitle()).isNotEqualTo("script ran");
        assertThat(browser.find("img[alt=Logo]").getAttribute("src")).contains("/attachments/").contains("inline=1");
        browser.driver().switchTo().defaultContent();
        assertThat(tracker.hits()).as("requests the tracker received").isEmpty();
        browser.screenshot("22-newsletter-tracker-blocked");

        browser.click("a.show-images");
        awaitFrame();
        new FluentWait<>(tracker).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(100))
                .until(server -> server.hits().contains("/open.gif?u=alice"));
        assertThat(browser.find(".remote-note.shown").getText()).contains("Remote images are shown");
        browser.screenshot("23-newsletter-images-shown");

        browser.click("a.hide-images");
        awaitFrame();
        assertThat(browser.currentUrl()).as("the choice lives in the address").doesNotContain("images=show");
        assertThat(browser.find(".remote-note").getText()).contains("2 remote images were not loaded");
        browser.driver().switchTo().frame(browser.find("iframe.mail-frame"));
        assertThat(browser.find("img[alt='tracking pixel']").getAttribute("src")).isNull();
        browser.driver().switchTo().defaultContent();
        assertThat(browser.find("a.show-images").getAttribute("href")).contains("images=show");
    }

    /** Waits until the frame is sized and its mail loaded, then returns its measures. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> frameState() {
        return new FluentWait<>(browser.driver()).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(100))
                .until(driver -> (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(FRAME_STATE));
    }

    private static long measure(Map<String, Object> state, String name) {
        return ((Number) state.get(name)).longValue();
    }

    @Test
    void aShortMailsFrameIsAsTallAsTheMail() {
        search("subject:\"" + SHORT_SUBJECT + "\"");
        firstRow().findElement(By.cssSelector("a.message-link")).click();
        Map<String, Object> state = frameState();
        assertThat(measure(state, "frame")).as("the frame's height against its mail's (%s)", state)
                .isBetween(measure(state, "mail"), measure(state, "mail") + 4).isLessThan(120);
        assertThat(measure(state, "scrollHeight")).as("no scrolling inside the frame (%s)", state).isLessThanOrEqualTo(measure(state, "clientHeight"));
        browser.screenshot("18-short-mail-frame-fitted");
    }

    @Test
    void aLongMailScrollsWithThePageNotInsideItsFrameAtDesktopAndPhoneWidth() {
        search("subject:\"" + LONG_SUBJECT + "\"");
        firstRow().findElement(By.cssSelector("a.message-link")).click();
        Map<String, Object> desktop = frameState();
        assertThat(measure(desktop, "frame")).as("taller than the window (%s)", desktop).isGreaterThan(measure(desktop, "window"));
        assertThat(measure(desktop, "scrollHeight")).as("no scrolling inside the frame (%s)", desktop)
                .isLessThanOrEqualTo(measure(desktop, "clientHeight"));

        browser.resize(390, 844);
        Map<String, Object> phone = new FluentWait<>(browser.driver()).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(100))
                .until(driver -> {
                    Map<String, Object> now = frameState();
                    return measure(now, "frameWidth") < 400 && measure(now, "frame") > measure(desktop, "frame") ? now : null;
                });
        assertThat((Boolean) phone.get("wide")).as("the table is wider than a phone (%s)", phone).isTrue();
        assertThat(measure(phone, "scrollHeight")).as("no scrolling inside the frame at phone width (%s)", phone)
                .isLessThanOrEqualTo(measure(phone, "clientHeight"));
        assertThat(measure(phone, "frame") - measure(phone, "mail")).as("no blank area under the mail but a sideways scrollbar (%s)", phone)
                .isBetween(0L, 24L);
        browser.screenshot("19-long-mail-frame-phone");
    }

    @Test
    void theDemoNewsletterIsShownSanitized() {
        search("subject:\"Letters Weekly\"");
        firstRow().findElement(By.cssSelector("a.message-link")).click();
        awaitFrame();
        browser.driver().switchTo().frame(browser.find("iframe.mail-frame"));
        assertThat(browser.driver().findElements(By.cssSelector("script, form, input, button, meta[http-equiv], base"))).isEmpty();
        assertThat(browser.find("a[href='https://letters.example/read/42']").getAttribute("target")).isEqualTo("_blank");
        browser.driver().switchTo().defaultContent();
        assertThat(browser.currentUrl()).contains("/messages/");
        browser.screenshot("24-demo-newsletter");
    }

    @Test
    void anAttachmentDownloadsUnderItsNonAsciiName() throws IOException {
        Path downloads = Files.createTempDirectory("downloads");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        search("subject:Übersicht has:attachment");
        firstRow().findElement(By.cssSelector("a.message-link")).click();
        WebElement file = browser.find(".attachment a.download");
        assertThat(file.getText()).isEqualTo("Übersicht März.pdf");
        assertThat(browser.find(".attachment").getText()).contains("application/pdf");
        browser.screenshot("25-attachments");
        file.click();
        Path saved = downloads.resolve("Übersicht März.pdf");
        new FluentWait<>(saved).withTimeout(Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(100))
                .until(path -> Files.isRegularFile(path) && path.toFile().length() > 0);
        assertThat(Files.readString(saved, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
        assertThat(browser.currentUrl()).as("a download leaves the page as it is").contains("/messages/");
    }

    @Test
    void aConversationAndANewsletterReadAtPhoneWidth() {
        browser.resize(390, 844);
        search("subject:Lisbon");
        firstRow().findElement(By.cssSelector("a.conversation-link")).click();
        browser.find("#thread");
        assertThat(browser.driver().findElements(By.cssSelector("details.thread-message"))).hasSize(4);
        browser.screenshot("26-conversation-phone");

        search("subject:\"Letters Weekly\"");
        firstRow().findElement(By.cssSelector("a.message-link")).click();
        awaitFrame();
        browser.screenshot("27-newsletter-phone");
    }
}
