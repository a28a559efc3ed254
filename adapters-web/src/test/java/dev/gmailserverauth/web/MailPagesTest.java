package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.shared.BadInput;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailPagesTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 30);

    @Test
    void messagesListShowsRowsWithSubjectSenderUtcDateAndSnippet() {
        MessageId id = world.google.addMessage(alice, new NewMessage("Bob <bob@example.org>", "Lunch <today>?", "Shall we meet at noon & talk",
                Instant.parse("2026-11-25T14:02:33Z"), true));
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"messages\"", "id=\"search-form\"", "name=\"q\"", "id=\"labels\"",
                    "id=\"logout\"", "id=\"account-link\"", "alice@example.com");
            assertThat(page.body()).as("disconnecting lives on the connection page, behind a confirmation").doesNotContain("/disconnect");
            assertThat(page.body()).contains("href=\"/messages/" + id.value() + "\"", "Lunch &lt;today&gt;?", "title=\"Bob &lt;bob@example.org>\">Bob</span>",
                    "2026-11-25 14:02", "Shall we meet at noon &amp; talk");
            assertThat(page.count("message")).isEqualTo(WebConfig.DEFAULT_PAGE_SIZE);
            assertThat(page.count("unread")).isPositive();
            assertThat(page.body()).contains("class=\"message unread\" data-message-id=\"" + id.value() + "\"");
        });
    }

    @Test
    void searchShowsOnlyMatchingMessagesAndKeepsTheQueryInTheBox() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages?q=" + Browser.encode("Subject 17"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.count("message")).isEqualTo(1);
            assertThat(page.body()).contains("value=\"Subject 17\"");
        });
    }

    @Test
    void nextPageLinkLeadsToTheSecondPage() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response first = browser.get("/messages?maxResults=20");
            assertThat(first.count("message")).isEqualTo(20);
            String next = first.hrefOf("next-page");
            assertThat(next).startsWith("/messages?pageToken=").contains("maxResults=20");

            Browser.Response second = browser.get(next);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.count("message")).isEqualTo(10);
            assertThat(second.body()).doesNotContain("id=\"next-page\"").contains("id=\"first-page\"", "Subject 0");
        });
    }

    @Test
    void emptyMailboxSaysSo() {
        UserIdentity empty = world.google.addAccount("empty@example.com");
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, empty);
            Browser.Response page = browser.get("/messages");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"empty\"", "Your mailbox is empty.").doesNotContain("id=\"next-page\"");
            assertThat(page.count("message")).isZero();
        });
    }

    @Test
    void labelsAppearInTheSidebar() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/messages").body()).contains("data-label-id=\"INBOX\"", "href=\"/messages?q=label%3AINBOX\"");
        });
    }

    @Test
    void backToMessagesReturnsToTheSearchAndPageTheMessageWasOpenedFrom() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            var search = browser.get("/messages?q=Subject&maxResults=5").dom();
            String conversation = search.selectFirst("a.conversation-link").attr("href");
            String single = search.selectFirst("a.message-link").attr("href");
            assertThat(conversation).contains("?q=Subject&maxResults=5");
            assertThat(browser.get(conversation).dom().selectFirst("#back").attr("href")).isEqualTo("/messages?q=Subject&maxResults=5");
            assertThat(browser.get(single).dom().selectFirst("#back").attr("href")).isEqualTo("/messages?q=Subject&maxResults=5");

            String secondPage = search.selectFirst("#next-page").attr("href");
            assertThat(secondPage).contains("pageToken=");
            var second = browser.get(secondPage).dom();
            assertThat(browser.get(second.selectFirst("a.conversation-link").attr("href")).dom().selectFirst("#back").attr("href"))
                    .isEqualTo(secondPage);
            String plain = browser.get("/messages").dom().selectFirst("a.message-link").attr("href");
            assertThat(browser.get(plain).dom().selectFirst("#back").attr("href")).isEqualTo("/messages");
        });
    }

    @Test
    void theLabelBeingShownIsHighlightedAndOnlyThatOne() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            var all = browser.get("/messages").dom();
            assertThat(all.select("#labels a.active")).extracting(e -> e.id()).containsExactly("all-mail");
            assertThat(all.selectFirst("#all-mail").attr("aria-current")).isEqualTo("page");
            var inbox = browser.get("/messages?q=label%3AINBOX").dom();
            assertThat(inbox.select("#labels a.active")).extracting(e -> e.attr("data-label-id")).containsExactly("INBOX");
            assertThat(inbox.selectFirst("#labels a.active").attr("aria-current")).isEqualTo("page");
            assertThat(inbox.selectFirst("#all-mail").hasAttr("aria-current")).isFalse();
            assertThat(browser.get("/messages?q=from%3Abob").dom().select("#labels a.active")).isEmpty();
        });
    }

    @Test
    void messagePageShowsHeadersAndTextBody() {
        MessageId id = world.google.addMessage(alice, new NewMessage("Carol <carol@example.org>", "Quarterly <b>report</b>",
                "Line one\n<script>alert(1)</script>", Instant.parse("2026-03-05T14:02:00Z"), false));
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages/" + id.value());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"message-subject\">Quarterly &lt;b&gt;report&lt;/b&gt;</h1>",
                    "Carol &lt;carol@example.org&gt;", "2026-03-05 14:02 UTC", "class=\"body text-body\">Line one\n&lt;script&gt;alert(1)&lt;/script&gt;",
                    "<li>Inbox</li>");
            assertThat(page.body()).doesNotContain("<script>");
        });
    }

    @Test
    void unknownMessageIsNotFound() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages/ffffffffffffffff");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("id=\"error-reason\"", "no message with this id");
        });
    }

    @Test
    void malformedMessageIdIsABadRequest() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages/bad.id");
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains(BadInput.MALFORMED_ADDRESS, "id=\"account-email\"");
            assertThat(browser.get("/threads/bad.id").body()).as("one wording for every malformed id").contains(BadInput.MALFORMED_ADDRESS);
            String cookie = "Cookie: " + browser.cookie().orElseThrow() + "\r\n";
            assertThat(RawHttp.send(browser.port(), "GET", "/messages/%u0041", cookie, new byte[0]).text()).as("and for malformed escapes")
                    .contains(BadInput.MALFORMED_ADDRESS, "id=\"account-email\"");
            Browser.Response refusedByJetty = browser.get("/threads/%00");
            assertThat(refusedByJetty.status()).isEqualTo(400);
            assertThat(refusedByJetty.body()).as("the styled page, not bare text").contains("/static/app.css", "id=\"error-reason\"");
        });
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        TestApp.run(TestApp.app(world), browser -> {
            assertThat(browser.get("/messages").location()).isEqualTo("/login");
            assertThat(browser.get("/messages/abc").location()).isEqualTo("/login");
            browser.setCookie("sid=" + "A".repeat(43));
            assertThat(browser.get("/messages").location()).isEqualTo("/login");
        });
    }

    @Test
    void revokedGrantSendsTheBrowserBackThroughConsent() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            world.google.revokeGrants(alice);
            int pendingBefore = world.pending.size();
            Browser.Response page = browser.get("/messages");
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo("/login?prompt=consent&login_hint=alice%40example.com");
            assertThat(world.pending.size()).as("no pending authorization until the browser follows the link").isEqualTo(pendingBefore);
            Browser.Response login = browser.get(page.location());
            assertThat(login.status()).isEqualTo(302);
            assertThat(login.location()).startsWith("https://accounts.fake.example/").contains("prompt=consent");
            assertThat(world.pending.size()).isEqualTo(pendingBefore + 1);
        });
    }

    @Test
    void badPageTokenIsABadRequestWithAReason() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages?pageToken=not-a-token");
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("Invalid pageToken");
        });
    }
}
