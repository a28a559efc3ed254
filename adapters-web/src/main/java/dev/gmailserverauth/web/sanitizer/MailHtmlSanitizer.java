package dev.gmailserverauth.web.sanitizer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a mail's HTML safe to show, on jsoup: the mail is parsed as a browser would (linear time, nesting
 * capped by jsoup's parser), its body copied by a {@link Cleaner} through an allow-list of tags, attributes
 * and URL schemes, then finished on the cleaned DOM:
 * <ul>
 *   <li>no script, style sheet link, frame, object, embed, form or form control, {@code <base>},
 *       {@code <meta>}, SVG or MathML survives, nor any {@code on*} attribute, {@code srcset} or
 *       {@code background};</li>
 *   <li>links keep only {@code http:}, {@code https:} and {@code mailto:} and open in a new tab with
 *       {@code rel="noopener noreferrer"}; relative URLs are dropped (a mail has no base). The scheme is
 *       read as a browser reads it ({@link Urls}), here rather than by the {@link Safelist}, whose
 *       URL resolution costs more than the rest of the cleaning together;</li>
 *   <li>images: {@code cid:} ones point at the message's own part ({@link InlineImages}), {@code data:}
 *       ones stay only as base64 PNG, JPEG, GIF or WebP, remote ones lose their {@code src} (and are
 *       counted) unless the reader asked for remote images, and then load over {@code https:} only;</li>
 *   <li>{@code <style>} elements and {@code style} attributes go through {@link CssSanitizer}.</li>
 * </ul>
 * Bodies longer than {@link #MAX_CHARS} are cut there, and one of more than {@link #MAX_ELEMENTS} elements
 * is shown as its text: real mail stays far below both, and they bound the work a crafted mail can cause.
 * The result is a whole document for the message frame, whose own Content-Security-Policy blocks
 * whatever this might have missed.
 */
public final class MailHtmlSanitizer {
    /** Longest HTML body rendered (characters); the rest is cut off with a note. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;
    /** Most elements a mail may have to be shown as HTML; a newsletter has a few thousand. */
    public static final int MAX_ELEMENTS = 25_000;
    private static final List<String> LINK_SCHEMES = List.of("http:", "https:", "mailto:");
    private static final List<String> SAFE_DATA_IMAGES = List.of(
            "data:image/png;base64,", "data:image/jpeg;base64,", "data:image/jpg;base64,", "data:image/gif;base64,", "data:image/webp;base64,");
    private static final String FRAME_CSS = "body{margin:0;padding:8px;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif;"
            + "overflow-wrap:anywhere;color:#1f2328}img{max-width:100%;height:auto}";
    private static final Safelist SAFELIST = safelist();

    private MailHtmlSanitizer() {
    }

    /**
     * @param html the mail's HTML part
     * @param remoteAllowed the reader chose "show remote images" for this message
     * @param images where {@code cid:} images load from
     */
    public static SanitizedHtml sanitize(String html, boolean remoteAllowed, InlineImages images) {
        boolean truncated = html.length() > MAX_CHARS;
        Document dirty = Jsoup.parse(truncated ? html.substring(0, MAX_CHARS) : html, "");
        if (dirty.getAllElements().size() > MAX_ELEMENTS) return asText(dirty);
        dirty.setBaseUri(""); // a <base href> in the mail must not turn relative URLs into live ones
        CssSanitizer css = new CssSanitizer(remoteAllowed);
        List<String> sheets = new ArrayList<>();
        for (Element style : dirty.getElementsByTag("style")) {
            String sheet = css.sheet(style.data());
            if (!sheet.isEmpty()) sheets.add(sheet);
        }

        Document clean = new Cleaner(SAFELIST).clean(dirty);
        int blockedImages = 0;
        for (Element element : clean.body().getAllElements()) {
            removeEventHandlers(element);
            if (element.hasAttr("style")) restyle(element, css);
            if (element.nameIs("a") && element.hasAttr("href")) keepLink(element);
            if (element.nameIs("img") && !keepImage(element, remoteAllowed, images)) blockedImages++;
        }
        return new SanitizedHtml(document(clean, sheets), blockedImages + css.blocked(),
                truncated ? SanitizedHtml.Shown.CUT_AT_SIZE_CAP : SanitizedHtml.Shown.WHOLE);
    }

    private static SanitizedHtml asText(Document dirty) {
        Document text = Document.createShell("");
        text.body().appendElement("pre").text(MailText.of(dirty.body()));
        return new SanitizedHtml(document(text, List.of("pre{white-space:pre-wrap}")), 0, SanitizedHtml.Shown.AS_TEXT);
    }

    private static void removeEventHandlers(Element element) {
        List<String> handlers = new ArrayList<>();
        for (Attribute attribute : element.attributes()) {
            if (attribute.getKey().toLowerCase(Locale.ROOT).startsWith("on")) handlers.add(attribute.getKey());
        }
        handlers.forEach(element::removeAttr);
    }

    private static void restyle(Element element, CssSanitizer css) {
        String style = css.declarations(element.attr("style"));
        if (style.isEmpty()) element.removeAttr("style");
        else element.attr("style", style);
    }

    /** Keeps a link only to {@code http:}, {@code https:} or {@code mailto:}; anything else (relative ones too) loses its href. */
    private static void keepLink(Element link) {
        String href = Urls.asBrowsersRead(link.attr("href"));
        String lower = href.toLowerCase(Locale.ROOT);
        if (LINK_SCHEMES.stream().anyMatch(lower::startsWith)) link.attr("href", href);
        else link.removeAttr("href");
    }

    /** Rewrites or drops an image's source; false when a remote image was blocked. */
    private static boolean keepImage(Element img, boolean remoteAllowed, InlineImages images) {
        String src = Urls.asBrowsersRead(img.attr("src"));
        String lower = src.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cid:")) {
            Optional<String> url = images.url(contentId(src.substring(4)));
            if (url.isPresent()) img.attr("src", url.get());
            else img.removeAttr("src");
            return true;
        }
        if (lower.startsWith("data:")) {
            if (SAFE_DATA_IMAGES.stream().noneMatch(lower::startsWith)) img.removeAttr("src");
            return true;
        }
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            if (remoteAllowed) {
                img.attr("src", lower.startsWith("http://") ? "https://" + src.substring("http://".length()) : src);
                return true;
            }
            img.removeAttr("src");
            img.attr("title", "Remote image blocked");
            return false;
        }
        img.removeAttr("src");
        return true;
    }

    /** {@code cid:} URLs are percent-encoded (RFC 2392); a plus sign is a plus sign. */
    private static String contentId(String encoded) {
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }

    private static String document(Document clean, List<String> sheets) {
        clean.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        clean.prependChild(new DocumentType("html", "", ""));
        clean.head().appendElement("meta").attr("charset", "utf-8");
        clean.head().appendElement("style").appendChild(new DataNode(FRAME_CSS + "\n" + String.join("\n", sheets)));
        return clean.outerHtml();
    }

    private static Safelist safelist() {
        Safelist list = new Safelist()
                .addTags("a", "abbr", "address", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite", "code",
                        "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3",
                        "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
                        "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
                        "article", "aside", "footer", "header", "main", "nav", "section")
                .addAttributes(":all", "align", "bgcolor", "class", "dir", "height", "lang", "style", "title", "valign", "width")
                .addAttributes("a", "href")
                .addAttributes("img", "src", "alt", "border", "hspace", "vspace")
                .addAttributes("table", "border", "cellpadding", "cellspacing", "frame", "rules", "summary")
                .addAttributes("td", "colspan", "rowspan", "nowrap", "abbr", "axis", "headers", "scope")
                .addAttributes("th", "colspan", "rowspan", "nowrap", "abbr", "axis", "headers", "scope")
                .addAttributes("col", "span")
                .addAttributes("colgroup", "span")
                .addAttributes("font", "color", "face", "size")
                .addAttributes("hr", "noshade", "size")
                .addAttributes("ol", "start", "type")
                .addAttributes("ul", "type")
                .addAttributes("li", "value")
                .addEnforcedAttribute("a", "target", "_blank")
                .addEnforcedAttribute("a", "rel", "noopener noreferrer");
        return list;
    }
}
