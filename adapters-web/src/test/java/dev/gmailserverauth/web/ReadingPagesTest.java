package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewAttachment;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.http.SecurityHeaders;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Reading as people do: HTML mail in its sandboxed frame, remote images on request, conversations, names and marks. */
class ReadingPagesTest {
    static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final String NEWSLETTER = "<html><head><style>.hero{color:#1a73e8;background:url(https://cdn.news.example/bg.png)}</style>"
            + "<script>alert('x')</script></head><body><h1 class=hero>Autumn sale</h1><img src=\"cid:logo@news.example\" alt=\"Logo\">"
            + "<p onclick=\"alert(1)\">Hello <a href=\"https://shop.news.example/sale\">see the sale</a></p>"
            + "<img src=\"https://track.news.example/open.gif?u=alice\" width=1 height=1 alt=\"\"><form action=\"https://evil.example\"><input name=q></form></body></html>";

    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private MessageId newsletter() {
        return world.google.addMessage(alice, new NewMessage("News <news@news.example>", "Autumn sale", "Autumn sale (text part)", World.START, true)
                .withHtml(NEWSLETTER)
                .withAttachments(List.of(NewAttachment.inline("logo@news.example", "logo.png", "image/png", PNG),
                        new NewAttachment("Preisliste März.pdf", "application/pdf", "%PDF-1.4 prices".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    @Test
    void anHtmlMessageIsShownInASandboxedFrameWithItsRemoteImagesBlocked() {
        MessageId id = newsletter();
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages/" + id.value());
            assertThat(page.status()).isEqualTo(200);
            Document dom = page.dom();
            Element frame = dom.selectFirst("#message-body iframe.mail-frame");
            assertThat(frame.attr("src")).isEqualTo("/messages/" + id.value() + "/body");
            assertThat(frame.attr("sandbox")).isEqualTo("allow-same-origin allow-popups allow-popups-to-escape-sandbox");
            assertThat(frame.attr("referrerpolicy")).isEqualTo("no-referrer");
            assertThat(dom.select("main form, main [onclick]")).isEmpty();
            assertThat(dom.select("main script")).as("only the app's own script that sizes the frame, from a file")
                    .extracting(script -> script.attr("src") + script.data()).containsExactly("/static/mail-frame.js");
            assertThat(page.body()).doesNotContain("track.news.example", "Autumn sale (text part)");
            Element note = dom.selectFirst(".remote-note");
            assertThat(note.attr("data-blocked")).isEqualTo("2");
            assertThat(note.selectFirst("a.show-images").attr("href")).isEqualTo("/messages/" + id.value() + "?images=show");
            assertThat(page.header("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        });
    }

    @Test
    void theFrameHoldsTheSanitizedMailUnderItsOwnStrictPolicy() {
        MessageId id = newsletter();
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response frame = browser.get("/messages/" + id.value() + "/body");
            assertThat(frame.status()).isEqualTo(200);
            assertThat(frame.header("Content-Security-Policy")).hasValue("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                    + "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox");
            assertThat(frame.header("X-Frame-Options")).hasValue("SAMEORIGIN");
            assertThat(frame.header("X-Content-Type-Options")).hasValue("nosniff");
            Document doc = frame.dom();
            assertThat(doc.select("script, form, input, [onclick]")).isEmpty();
            assertThat(doc.selectFirst("h1").attr("class")).isEqualTo("hero");
            assertThat(doc.selectFirst("a").attr("rel")).isEqualTo("noopener noreferrer");
            assertThat(doc.select("img")).extracting(img -> img.attr("src"))
                    .containsExactly("/messages/" + id.value() + "/attachments/1?inline=1", "");
            assertThat(doc.selectFirst("head style").data()).contains(".hero").doesNotContain("url(");
        });
    }

    @Test
    void showImagesLoadsRemoteImagesOverHttpsOnlyForThatMessage() {
        MessageId id = newsletter();
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Document page = browser.get("/messages/" + id.value() + "?images=show").dom();
            assertThat(page.selectFirst("iframe.mail-frame").attr("src")).isEqualTo("/messages/" + id.value() + "/body?images=show");
            assertThat(page.selectFirst(".remote-note.shown")).isNotNull();
            Browser.Response frame = browser.get("/messages/" + id.value() + "/body?images=show");
            assertThat(frame.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("img-src 'self' data: https:;"));
            assertThat(frame.dom().select("img")).extracting(img -> img.attr("src")).contains("https://track.news.example/open.gif?u=alice");
            assertThat(browser.get("/messages/" + id.value() + "/body?images=yes").header("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).doesNotContain("https:"));
        });
    }

    @Test
    void aPlainTextMessageKeepsItsLineBreaksAndGetsSafeLinks() {
        MessageId id = world.google.addMessage(alice, new NewMessage("Bob <bob@example.org>", "Links",
                "Line one\nSee https://example.org/a?b=1&c=<2> and javascript:alert(1)\n\nBye", World.START, false));
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages/" + id.value());
            Element body = page.dom().selectFirst("#message-body .text-body");
            assertThat(body.wholeText()).isEqualTo("Line one\nSee https://example.org/a?b=1&c=<2> and javascript:alert(1)\n\nBye");
            assertThat(body.select("a")).singleElement().satisfies(a -> {
                assertThat(a.attr("href")).isEqualTo("https://example.org/a?b=1&c=");
                assertThat(a.attr("rel")).isEqualTo("noopener noreferrer");
                assertThat(a.attr("target")).isEqualTo("_blank");
            });
            assertThat(page.dom().select("#message-body iframe")).isEmpty();
            assertThat(browser.get("/messages/" + id.value() + "/body").status()).as("no HTML part").isEqualTo(404);
        });
    }

    @Test
    void attachmentsAreListedWithNameTypeAndSizeButNotTheImagesTheMailShows() {
        MessageId id = newsletter();
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Document page = browser.get("/messages/" + id.value()).dom();
            assertThat(page.select(".attachments h2").text()).isEqualTo("1 attachment");
            Element file = page.selectFirst(".attachment");
            assertThat(file.selectFirst("a.download").text()).isEqualTo("Preisliste März.pdf");
            assertThat(file.selectFirst("a.download").attr("href")).isEqualTo("/messages/" + id.value() + "/attachments/2");
            assertThat(file.selectFirst(".type").text()).isEqualTo("application/pdf");
            assertThat(file.selectFirst(".size").text()).isEqualTo("15 bytes");
        });
    }

    @Test
    void labelsReadByNameAndUnreadAndStarredAreMarked() {
        world.google.addLabel(alice, "Label_42", "Receipts");
        MessageId id = world.google.addMessage(alice, new NewMessage("Shop <shop@example.org>", "Your receipt", "Thanks", World.START, true)
                .withLabels(List.of("STARRED", "Label_42", "CATEGORY_UPDATES")));
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Document page = browser.get("/messages/" + id.value()).dom();
            assertThat(page.select("#message-labels li")).extracting(Element::text).containsExactly("Unread", "Inbox", "Updates", "Receipts");
            assertThat(page.selectFirst("#message-starred")).isNotNull();
            assertThat(page.body().text()).doesNotContain("Label_42", "CATEGORY_UPDATES");

            Element row = browser.get("/messages").dom().selectFirst("li.message[data-message-id=" + id.value() + "]");
            assertThat(row.classNames()).contains("unread");
            assertThat(row.select(".star")).hasSize(1);
            assertThat(row.select(".chip")).extracting(Element::text).containsExactly("Updates", "Receipts");
            assertThat(browser.get("/messages").dom().select("#labels a.label")).extracting(Element::text).contains("Inbox", "Starred", "Receipts");
        });
    }

    @Test
    void eachRowOpensItsConversationAndItsMessage() {
        MessageId first = world.google.addMessage(alice, new NewMessage("Bob <bob@example.org>", "Plans", "Saturday?", World.START.minus(Duration.ofHours(2)), false));
        MessageId reply = world.google.addMessage(alice, new NewMessage("Carol <carol@example.org>", "Re: Plans", "Yes!", World.START, true).asReply());
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Element row = browser.get("/messages").dom().selectFirst("li.message[data-message-id=" + reply.value() + "]");
            assertThat(row.selectFirst("a.conversation-link").attr("href")).isEqualTo("/threads/" + first.value());
            assertThat(row.selectFirst("a.message-link").attr("href")).isEqualTo("/messages/" + reply.value());
        });
    }

    @Test
    void aConversationShowsItsMessagesInOrderTheLatestOpenInOneThreadsGet() {
        MessageId first = world.google.addMessage(alice, new NewMessage("Bob <bob@example.org>", "Plans", "Saturday?", World.START.minus(Duration.ofHours(3)), false));
        world.google.addMessage(alice, new NewMessage("Carol <carol@example.org>", "Re: Plans", "Yes, at noon", World.START.minus(Duration.ofHours(2)), false).asReply());
        MessageId latest = world.google.addMessage(alice, new NewMessage("Dan <dan@example.org>", "Re: Plans", "I'll bring cake", World.START, true)
                .withHtml("<p>I'll bring <b>cake</b></p>").asReply());
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            int calls = world.google.mailboxCallCount();
            Browser.Response response = browser.get("/threads/" + first.value());
            assertThat(world.google.mailboxCallCount() - calls).as("threads.get and labels.list").isEqualTo(2);
            assertThat(response.status()).isEqualTo(200);
            Document page = response.dom();
            assertThat(page.selectFirst("#thread-subject").text()).isEqualTo("Plans");
            assertThat(page.select("details.thread-message")).extracting(d -> d.selectFirst("summary .from").text()).containsExactly("Bob", "Carol", "Dan");
            assertThat(page.select("details.thread-message")).extracting(d -> d.hasAttr("open")).containsExactly(false, false, true);
            assertThat(page.select("details.thread-message").get(1).selectFirst(".text-body").text()).isEqualTo("Yes, at noon");
            assertThat(page.select("details.thread-message").get(2).selectFirst("iframe").attr("src")).isEqualTo("/messages/" + latest.value() + "/body");
            assertThat(page.select("details.thread-message").get(2).classNames()).contains("unread");
            assertThat(page.select("script")).as("no script but the app's own live updates and frame sizing, from files")
                    .extracting(script -> script.attr("src") + script.data()).containsExactly("/static/live.js", "/static/mail-frame.js");
        });
    }

    @Test
    void anUnknownOrMalformedConversationIsAClearError() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/threads/ffffffffffff0000").status()).isEqualTo(404);
            assertThat(browser.get("/threads/not.an.id").status()).isEqualTo(400);
            browser.clearCookie();
            assertThat(browser.get("/threads/ffffffffffff0000").location()).isEqualTo("/login");
        });
    }
}
