package dev.gmailserverauth.web.sanitizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What the sanitizer keeps, rewrites and counts, on the DOM of its output. */
class MailHtmlSanitizerTest {
    private static final InlineImages LOGO = cid -> cid.equals("logo@news.example") ? Optional.of("/messages/m1/attachments/1.2?inline") : Optional.empty();

    private static Document clean(String html, boolean remoteAllowed) {
        return Jsoup.parse(MailHtmlSanitizer.sanitize(html, remoteAllowed, LOGO).document());
    }

    @Test
    void linksOpenInANewTabWithoutOpenerOrReferrer() {
        Element link = clean("<a href=\"https://shop.example/sale\">Sale</a>", false).selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://shop.example/sale");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(clean("<a href=\"mailto:bob@example.org\">Bob</a>", false).selectFirst("a").attr("href")).isEqualTo("mailto:bob@example.org");
    }

    @Test
    void remoteImagesAreBlockedAndCountedUntilTheReaderAllowsThem() {
        String html = "<p>Hi</p><img src=\"https://t.example/open.gif?u=1\" width=1 height=1 alt=\"\"><img src=\"http://cdn.example/hero.jpg\" alt=\"Hero\">";
        SanitizedHtml blocked = MailHtmlSanitizer.sanitize(html, false, LOGO);
        assertThat(blocked.blockedRemote()).isEqualTo(2);
        Document blockedDoc = Jsoup.parse(blocked.document());
        assertThat(blockedDoc.select("img")).hasSize(2).allSatisfy(img -> assertThat(img.hasAttr("src")).isFalse());
        assertThat(blockedDoc.select("img").get(1).attr("alt")).isEqualTo("Hero");

        SanitizedHtml shown = MailHtmlSanitizer.sanitize(html, true, LOGO);
        assertThat(shown.blockedRemote()).isZero();
        assertThat(Jsoup.parse(shown.document()).select("img")).extracting(img -> img.attr("src"))
                .containsExactly("https://t.example/open.gif?u=1", "https://cdn.example/hero.jpg");
    }

    @Test
    void cidImagesPointAtTheMessagesOwnPart() {
        Document doc = clean("<img src=\"cid:logo@news.example\"><img src=\"CID:logo%40news.example\"><img src=\"cid:unknown@x\">", false);
        assertThat(doc.select("img")).extracting(img -> img.attr("src"))
                .containsExactly("/messages/m1/attachments/1.2?inline", "/messages/m1/attachments/1.2?inline", "");
    }

    @Test
    void dataImagesStayOnlyAsBase64RasterImages() {
        Document doc = clean("<img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src=\"data:image/svg+xml;base64,PHN2Zz4=\"><img src=\"data:text/html,x\">", false);
        assertThat(doc.select("img")).extracting(img -> img.attr("src")).containsExactly("data:image/png;base64,iVBORw0KGgo=", "", "");
    }

    @Test
    void relativeUrlsAreDroppedEvenUnderABaseElement() {
        Document doc = clean("<base href=\"https://evil.example/\"><a href=\"next\">next</a><img src=\"p.gif\">", false);
        assertThat(doc.selectFirst("a").hasAttr("href")).isFalse();
        assertThat(doc.selectFirst("img").hasAttr("src")).isFalse();
        assertThat(doc.select("base")).isEmpty();
    }

    @Test
    void styleAttributesKeepPresentationAndLoseWhatLoadsOrRuns() {
        Element p = clean("<p style=\"color: #333; font-weight: bold; background: url(https://t.example/bg.png); position: fixed; "
                + "width: expression(alert(1)); margin: 0 auto\">x</p>", false).selectFirst("p");
        assertThat(p.attr("style")).contains("color", "font-weight: bold", "margin: 0 auto")
                .doesNotContain("url", "position", "expression");
        assertThat(clean("<p style=\"behavior:url(x.htc)\">x</p>", false).selectFirst("p").hasAttr("style")).isFalse();
    }

    @Test
    void styleSheetsKeepRulesAndMediaQueriesAndLoseImportsFontsAndRemoteUrls() {
        SanitizedHtml result = MailHtmlSanitizer.sanitize("<head><style>@import url(https://x.example/a.css); @font-face{font-family:x;src:url(https://x.example/f.woff)}"
                + ".btn{color:white;background-color:#1a73e8;background-image:url(https://t.example/b.png)}"
                + "@media (max-width:600px){.col{width:100%!important}}</style></head><p class=btn>Go</p>", false, LOGO);
        String css = Jsoup.parse(result.document()).selectFirst("head style").data();
        assertThat(css).contains(".btn", "color: white", "background-color", "@media", ".col", "width: 100%")
                .doesNotContain("@import", "@font-face", "url(");
        assertThat(result.blockedRemote()).isEqualTo(1);
        assertThat(Jsoup.parse(result.document()).selectFirst("p").attr("class")).isEqualTo("btn");
    }

    @Test
    void remoteCssUrlsLoadOverHttpsOnlyWhenAllowed() {
        String css = Jsoup.parse(MailHtmlSanitizer.sanitize("<style>.a{background:url(https://cdn.example/a.png)}.b{background:url(http://cdn.example/b.png)}</style>",
                true, LOGO).document()).selectFirst("head style").data();
        assertThat(css).contains("https://cdn.example/a.png").doesNotContain("http://cdn.example/b.png");
    }

    @Test
    void tablesFontsAndLayoutAttributesOfNewslettersSurvive() {
        Document doc = clean("<table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" bgcolor=\"#ffffff\" align=\"center\"><tr>"
                + "<td colspan=\"2\" valign=\"top\"><font color=\"red\" face=\"Arial\">Sale</font><center>now</center></td></tr></table>", false);
        Element table = doc.selectFirst("table");
        assertThat(table.attributes().asList()).extracting(a -> a.getKey()).contains("width", "cellpadding", "cellspacing", "bgcolor", "align");
        assertThat(doc.selectFirst("td").attr("colspan")).isEqualTo("2");
        assertThat(doc.selectFirst("font").attr("face")).isEqualTo("Arial");
        assertThat(doc.select("center")).hasSize(1);
    }

    @Test
    void aBodyOverTheSizeCapIsCutThere() {
        String html = "<p>" + "a".repeat(MailHtmlSanitizer.MAX_CHARS) + "</p><p id=tail>tail</p>";
        SanitizedHtml result = MailHtmlSanitizer.sanitize(html, false, LOGO);
        assertThat(result.shown()).isEqualTo(SanitizedHtml.Shown.CUT_AT_SIZE_CAP);
        assertThat(result.document()).doesNotContain("tail");
        assertThat(MailHtmlSanitizer.sanitize("<p>small</p>", false, LOGO).shown()).isEqualTo(SanitizedHtml.Shown.WHOLE);
    }

    @Test
    void aMailWithTooManyElementsIsShownAsItsText() {
        String html = "<p>first line</p>" + "<span>x</span>".repeat(MailHtmlSanitizer.MAX_ELEMENTS) + "<script>alert(1)</script>";
        SanitizedHtml result = MailHtmlSanitizer.sanitize(html, true, LOGO);
        assertThat(result.shown()).isEqualTo(SanitizedHtml.Shown.AS_TEXT);
        Document doc = Jsoup.parse(result.document());
        assertThat(doc.body().children()).extracting(Element::normalName).containsExactly("pre");
        assertThat(doc.selectFirst("pre").text()).startsWith("first line");
        assertThat(doc.select("span, script")).isEmpty();
        XssCorpusTest.assertInert(result.document(), false);
    }
}
