package dev.gmailserverauth.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.UserId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class AccountLinksTest {
    private static final UserId BOB = new UserId("1002");

    private static Document kept(String body) {
        return Jsoup.parse(AccountLinks.keep("<!DOCTYPE html><html><head></head><body>" + body + "</body></html>", BOB));
    }

    @Test
    void everyLinkFormAndFrameToTheAppsOwnPagesKeepsTheAccount() {
        Document page = kept("""
                <a id="list" href="/messages?q=a%20b">list</a>
                <a id="message" href="/messages/abc#top">one</a>
                <a id="thread" href="/threads/t1">thread</a>
                <a id="connection" href="/account">connection</a>
                <iframe id="frame" src="/messages/abc/body"></iframe>
                <img id="inline" src="/messages/abc/attachments/2?inline=1">
                <form id="disconnect" method="post" action="/disconnect"></form>
                <form id="search" action="/messages"><input name="q"></form>
                """);
        assertThat(page.getElementById("list").attr("href")).isEqualTo("/messages?q=a%20b&account=1002");
        assertThat(page.getElementById("message").attr("href")).isEqualTo("/messages/abc?account=1002#top");
        assertThat(page.getElementById("thread").attr("href")).isEqualTo("/threads/t1?account=1002");
        assertThat(page.getElementById("connection").attr("href")).isEqualTo("/account?account=1002");
        assertThat(page.getElementById("frame").attr("src")).isEqualTo("/messages/abc/body?account=1002");
        assertThat(page.getElementById("inline").attr("src")).isEqualTo("/messages/abc/attachments/2?inline=1&account=1002");
        assertThat(page.getElementById("disconnect").attr("action")).isEqualTo("/disconnect?account=1002");
        assertThat(page.getElementById("search").attr("action")).as("a GET form drops its action's query").isEqualTo("/messages");
        assertThat(page.select("#search input[name=account]").attr("value")).isEqualTo("1002");
    }

    @Test
    void leavesOtherSitesSignInAndLinksThatNameAnAccountAlone() {
        Document page = kept("""
                <a id="outside" href="https://example.org/messages">outside</a>
                <a id="login" href="/login?prompt=consent">login</a>
                <a id="other" href="/messages?account=1001">alice</a>
                <a id="static" href="/static/app.css">css</a>
                """);
        assertThat(page.getElementById("outside").attr("href")).isEqualTo("https://example.org/messages");
        assertThat(page.getElementById("login").attr("href")).isEqualTo("/login?prompt=consent");
        assertThat(page.getElementById("other").attr("href")).isEqualTo("/messages?account=1001");
        assertThat(page.getElementById("static").attr("href")).isEqualTo("/static/app.css");
    }

    @Test
    void aLinkInAJsonAnswerKeepsTheAccountToo() {
        assertThat(AccountLinks.withAccount("/api/messages/abc/attachments/1", new UserId("a b"))).isEqualTo("/api/messages/abc/attachments/1?account=a+b");
    }
}
