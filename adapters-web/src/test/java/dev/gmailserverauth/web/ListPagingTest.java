package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Paging the message list both ways: Gmail's page tokens only lead forward, so the list's address carries the tokens of the
 * pages before it ({@code page}, {@code trail}); "Previous" follows them back, "Back to messages" returns to the same page with
 * the same trail (and the same account), and a trail that is hostile, oversized or inconsistent is a 400 page.
 */
class ListPagingTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 30);

    private static String firstRow(Document page) {
        return page.selectFirst("#messages li.message").attr("data-message-id");
    }

    @Test
    void previousWalksBackThroughEveryPageTheNextLinksLedThrough() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            List<String> hrefs = new ArrayList<>(List.of("/messages?q=Subject&maxResults=5"));
            List<String> firsts = new ArrayList<>();
            Document page = browser.get(hrefs.get(0)).dom();
            assertThat(page.selectFirst("#previous-page")).as("none on the first page").isNull();
            firsts.add(firstRow(page));
            while (page.selectFirst("#next-page") != null) {
                hrefs.add(page.selectFirst("#next-page").attr("href"));
                page = browser.get(hrefs.get(hrefs.size() - 1)).dom();
                firsts.add(firstRow(page));
            }
            assertThat(firsts).hasSize(6).doesNotHaveDuplicates();
            assertThat(hrefs.get(3)).contains("q=Subject", "maxResults=5", "page=4", "trail=");

            for (int shown = firsts.size() - 1; shown > 0; shown--) {
                String previous = page.selectFirst("#previous-page").attr("href");
                assertThat(previous).as("previous of page " + (shown + 1)).isEqualTo(hrefs.get(shown - 1));
                page = browser.get(previous).dom();
                assertThat(firstRow(page)).isEqualTo(firsts.get(shown - 1));
            }
            assertThat(page.selectFirst("#previous-page")).isNull();
            assertThat(page.selectFirst("#first-page")).isNull();
        });
    }

    @Test
    void theTrailKeepsTwentyPagesAndPreviousStopsWhereItEndsWhileFirstPageStays() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Document page = browser.get("/messages?maxResults=1").dom();
            for (int i = 0; i < 24; i++) page = browser.get(page.selectFirst("#next-page").attr("href")).dom();
            String deep = page.selectFirst("#next-page").attr("href");
            assertThat(deep).contains("page=26");
            assertThat(deep.length()).as("the address stays short").isLessThan(1_000);

            int back = 0;
            while (page.selectFirst("#previous-page") != null) {
                page = browser.get(page.selectFirst("#previous-page").attr("href")).dom();
                back++;
            }
            assertThat(back).as("pages 25 to 5: the twenty the trail held").isEqualTo(20);
            assertThat(page.selectFirst("#first-page").attr("href")).isEqualTo("/messages?maxResults=1");
            assertThat(firstRow(browser.get("/messages?maxResults=1").dom())).isNotEqualTo(firstRow(page));
        });
    }

    @Test
    void backToMessagesReturnsToTheSamePageWithItsTrailAndAccountAndTheLabelShownIsHighlightedWithAnAccount() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String account = "account=" + alice.userId().value();
            Document inbox = browser.get("/messages?q=label%3AINBOX&" + account).dom();
            assertThat(inbox.select("#labels a.active")).extracting(e -> e.attr("data-label-id")).containsExactly("INBOX");
            assertThat(inbox.selectFirst("#labels a.active").attr("href")).contains(account);
            assertThat(inbox.selectFirst("#all-mail").attr("href")).contains(account);

            Document first = browser.get("/messages?q=Subject&maxResults=5&" + account).dom();
            Document second = browser.get(first.selectFirst("#next-page").attr("href")).dom();
            String thirdHref = second.selectFirst("#next-page").attr("href");
            assertThat(thirdHref).contains(account, "q=Subject", "page=3");
            Document third = browser.get(thirdHref).dom();

            for (String opened : List.of(third.selectFirst("a.conversation-link").attr("href"), third.selectFirst("a.message-link").attr("href"))) {
                Document page = browser.get(opened).dom();
                String back = page.selectFirst("#back").attr("href");
                assertThat(back).contains(account);
                Document list = browser.get(back).dom();
                assertThat(firstRow(list)).isEqualTo(firstRow(third));
                assertThat(list.selectFirst("#previous-page").attr("href")).as("the trail came along")
                        .isEqualTo(first.selectFirst("#next-page").attr("href"));
            }
        });
    }

    @Test
    void aHostileOversizedOrInconsistentTrailIsA400Page() {
        String tokens21 = String.join("+", java.util.Collections.nCopies(21, "12345"));
        List<String> bad = List.of(
                "/messages?page=3",
                "/messages?trail=12345",
                "/messages?pageToken=12345&trail=12345",
                "/messages?pageToken=12345&page=1",
                "/messages?pageToken=12345&page=0",
                "/messages?pageToken=12345&page=-2",
                "/messages?pageToken=12345&page=two",
                "/messages?pageToken=12345&page=9999999",
                "/messages?pageToken=12345&page=2&trail=12345",
                "/messages?pageToken=12345&page=40&trail=" + tokens21,
                "/messages?pageToken=12345&page=4&trail=1++2",
                "/messages?pageToken=12345&page=4&trail=1%012",
                "/messages?pageToken=12345&page=4&trail=" + "9".repeat(600),
                "/messages/0000000000000001?pageToken=12345&page=2&trail=12345",
                "/threads/0000000000000001?page=5");
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            for (String target : bad) {
                Browser.Response page = browser.get(target);
                assertThat(page.status()).as(target).isEqualTo(400);
                assertThat(page.body()).as(target).contains("/static/app.css", "id=\"error-reason\"", "id=\"account-email\"");
            }
        });
    }
}
