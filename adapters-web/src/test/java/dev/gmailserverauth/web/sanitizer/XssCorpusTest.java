package dev.gmailserverauth.web.sanitizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known XSS vectors (in the style of OWASP's filter evasion cheat sheet, plus mail-specific ones), each
 * sanitized with remote content blocked and allowed, then checked on the parsed output DOM: only allowed
 * tags, no event handler, no script URL, no CSS that runs or loads something it should not.
 */
class XssCorpusTest {
    private static final Set<String> ALLOWED_TAGS = Set.of("html", "head", "body", "meta", "style",
            "a", "abbr", "address", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
            "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
            "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
            "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
            "article", "aside", "footer", "header", "main", "nav", "section");
    private static final Set<String> NEVER_ATTRIBUTES = Set.of("srcset", "background", "formaction", "action", "xlink:href", "srcdoc",
            "data", "poster", "lowsrc", "dynsrc", "http-equiv", "content");
    private static final List<String> SAFE_DATA = List.of("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/jpg;base64,",
            "data:image/gif;base64,", "data:image/webp;base64,");

    static Stream<Arguments> vectors() {
        return Stream.of(
                v("script element", "<script>alert(1)</script>"),
                v("remote script", "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>"),
                v("img onerror", "<img src=x onerror=alert(1)>"),
                v("img javascript src", "<IMG SRC=\"javascript:alert('XSS');\">"),
                v("mixed case scheme", "<IMG SRC=JaVaScRiPt:alert('XSS')>"),
                v("decimal entities", "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>"),
                v("hex entities without semicolons", "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>"),
                v("embedded tab", "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">"),
                v("embedded newline", "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">"),
                v("leading spaces and control", "<IMG SRC=\" &#14;  javascript:alert('XSS');\">"),
                v("leading space in href", "<a href=\" javascript:alert(1)\">x</a>"),
                v("null byte in scheme", "<a href=\"java\u0000script:alert(1)\">x</a>"),
                v("control character before scheme", "<a href=\"\u0001javascript:alert(1)\">x</a>"),
                v("entity colon", "<a href=\"javascript&colon;alert(1)\">x</a><a href=\"javascript&#58;alert(1)\">y</a>"),
                v("mixed case href", "<a href=\"jAvAsCrIpT:alert(1)\">x</a>"),
                v("vbscript", "<a href=\"vbscript:msgbox(1)\">x</a><img src=\"vbscript:msgbox(1)\">"),
                v("data html link", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>"),
                v("data svg image", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"),
                v("svg onload", "<svg onload=alert(1)>"),
                v("script inside svg", "<svg><script>alert(1)</script></svg>"),
                v("svg xlink", "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>"),
                v("math mglyph style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
                v("math href", "<math href=\"javascript:alert(1)\">CLICK</math>"),
                v("iframe javascript", "<iframe src=\"javascript:alert(1)\"></iframe>"),
                v("iframe srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>"),
                v("object data", "<object data=\"javascript:alert(1)\"></object><object type=\"text/x-scriptlet\" data=\"https://xss.example/s.html\"></object>"),
                v("embed", "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"),
                v("style expression", "<div style=\"width: expression(alert('XSS'));\">x</div>"),
                v("style url javascript", "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>"),
                v("style entity encoded url", "<x style=\"background:url('&#x6A;avascript:alert(1)')\">x</x>"),
                v("style behavior", "<div style=\"behavior: url(xss.htc);\">x</div>"),
                v("style breaks out of attribute", "<p style=\"color:red;}</style><script>alert(1)</script>\">x</p>"),
                v("import", "<style>@import 'https://xss.example/xss.css';</style>"),
                v("moz binding", "<style>body{-moz-binding:url(\"https://xss.example/xss.xml#xss\")}</style>"),
                v("list style image", "<style>li {list-style-image: url(\"javascript:alert('XSS')\");}</style><ul><li>XSS</li></ul>"),
                v("class with javascript background", "<STYLE>.XSS{background-image:url(\"javascript:alert('XSS')\");}</STYLE><A CLASS=XSS></A>"),
                v("style element breakout", "<style>a[title=\"</style><script>alert(1)</script>\"]{color:red}</style>"),
                v("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
                v("meta refresh data", "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">"),
                v("base href", "<base href=\"javascript:alert(1)//\"><a href=\"x\">link</a><img src=\"y.png\">"),
                v("form action", "<form action=\"javascript:alert(1)\"><input type=submit value=go></form>"),
                v("formaction", "<button formaction=\"javascript:alert(1)\">X</button>"),
                v("srcset", "<img srcset=\"https://x.example/a.png 1x, javascript:alert(1) 2x\">"),
                v("background attribute", "<table background=\"javascript:alert(1)\"><tr><td background=\"https://t.example/x.gif\">x</td></tr></table>"),
                v("body onload", "<body onload=alert(1)>"),
                v("body background", "<BODY BACKGROUND=\"javascript:alert('XSS')\">"),
                v("double open", "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>"),
                v("split script", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
                v("malformed img quotes", "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">"),
                v("eval src", "<img src=x:alert(alt) onerror=eval(src) alt=0>"),
                v("details ontoggle", "<details open ontoggle=alert(1)>"),
                v("video source onerror", "<video><source onerror=\"alert(1)\"></video>"),
                v("audio onerror", "<audio src=x onerror=alert(1)>"),
                v("input autofocus", "<input autofocus onfocus=alert(1)>"),
                v("marquee onstart", "<marquee onstart=alert(1)>x</marquee>"),
                v("stylesheet link", "<link rel=stylesheet href=\"https://xss.example/x.css\">"),
                v("comment trick", "<!--<img src=\"--><img src=x onerror=alert(1)//\">"),
                v("noscript trick", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"),
                v("template", "<template><script>alert(1)</script></template>"),
                v("onclick on a good link", "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>"),
                v("isindex", "<isindex action=\"javascript:alert(1)\" type=submit>"),
                v("unclosed tag", "<img src=\"x\" onerror=\"alert(1)\""),
                v("nested unclosed", "<div><a href=\"javascript:alert(1)\"<b>x"),
                v("remote css url", "<style>*{background:url(https://t.example/p.gif)}</style><p>x</p>"),
                v("tracking pixel", "<img src=\"https://t.example/pixel.gif?u=alice\" width=1 height=1>"),
                v("applet", "<applet code=\"xss.class\"></applet>"),
                v("frameset", "<frameset><frame src=\"javascript:alert(1)\"></frameset>"),
                v("uppercase event", "<p ONMOUSEOVER=\"alert(1)\">x</p>"),
                v("textarea breakout", "<textarea></textarea><script>alert(1)</script>"),
                v("title breakout", "<title></title><script>alert(1)</script>"));
    }

    private static Arguments v(String name, String html) {
        return Arguments.of(name, html);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void comesOutInertWithRemoteContentBlocked(String name, String html) {
        assertInert(MailHtmlSanitizer.sanitize(html, false, InlineImages.NONE).document(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void comesOutInertWithRemoteContentAllowed(String name, String html) {
        assertInert(MailHtmlSanitizer.sanitize(html, true, InlineImages.NONE).document(), true);
    }

    @Test
    void theChecksThemselvesCatchUnsanitizedMail() {
        String shell = "<!doctype html><html><head><meta charset=utf-8><style>%s</style></head><body>%s</body></html>";
        assertThatThrownBy(() -> assertInert(shell.formatted("", "<img src=x onerror=alert(1)>"), false)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertInert(shell.formatted("", "<a href=' jav\tascript:alert(1)'>x</a>"), false)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertInert(shell.formatted("p{width:expression(alert(1))}", "<p>x</p>"), false)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertInert(shell.formatted("", "<img src='https://t.example/p.gif'>"), false)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertInert(shell.formatted("", "<form><input></form>"), false)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertInert(shell.formatted("", "<img src='data:image/svg+xml;base64,AAAA'>"), false)).isInstanceOf(AssertionError.class);
    }

    static void assertInert(String output, boolean remoteAllowed) {
        Document doc = Jsoup.parse(output);
        assertThat(doc.head().children()).extracting(Element::normalName).containsExactly("meta", "style");
        assertThat(doc.body().select("meta, style")).isEmpty();
        for (Element element : doc.getAllElements()) {
            if (element instanceof Document) continue;
            assertThat(ALLOWED_TAGS).as("tag").contains(element.normalName());
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as("attribute").doesNotStartWith("on");
                assertThat(NEVER_ATTRIBUTES).as("attribute").doesNotContain(key);
                assertNoScriptUrl(attribute.getValue());
                if (key.equals("style")) assertSafeCss(attribute.getValue(), remoteAllowed);
                if (key.equals("src") && !remoteAllowed) assertThat(compact(attribute.getValue())).doesNotStartWith("http");
            }
        }
        doc.head().select("style").forEach(style -> assertSafeCss(style.data(), remoteAllowed));
    }

    private static void assertNoScriptUrl(String value) {
        String url = compact(value);
        assertThat(url).doesNotContain("javascript:").doesNotContain("vbscript:").doesNotContain("livescript:");
        if (url.startsWith("data:")) assertThat(SAFE_DATA).anySatisfy(prefix -> assertThat(url).startsWith(prefix));
    }

    private static void assertSafeCss(String css, boolean remoteAllowed) {
        String lower = compact(css);
        assertThat(lower).doesNotContain("expression").doesNotContain("javascript").doesNotContain("behavior")
                .doesNotContain("binding").doesNotContain("@import").doesNotContain("</");
        if (!remoteAllowed) assertThat(lower).doesNotContain("url(");
        else if (lower.contains("url(")) assertThat(lower).contains("url(\"https://");
    }

    /** Lower case, without the white space and control characters browsers skip inside a URL's scheme. */
    private static String compact(String value) {
        StringBuilder out = new StringBuilder();
        value.toLowerCase(Locale.ROOT).chars().filter(c -> c > ' ').forEach(c -> out.append((char) c));
        return out.toString();
    }
}
