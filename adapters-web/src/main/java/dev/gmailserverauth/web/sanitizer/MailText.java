package dev.gmailserverauth.web.sanitizer;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML mail as plain text, for places that show no HTML (a folded message, the JSON API's text):
 * parsed by jsoup in linear time, the body's text with a line break after each block element and at
 * each {@code <br>}, white space collapsed as a browser would, no more than one blank line in a row.
 * Scripts, styles and the head contribute nothing. The result is text, to be escaped where it is shown.
 */
public final class MailText {
    /** Elements after which the text goes on on a new line. */
    private static final Set<String> LINE_ENDING = Set.of("address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
            "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "table", "tr", "ul");

    private MailText() {
    }

    public static String fromHtml(String html) {
        String input = html.length() > MailHtmlSanitizer.MAX_CHARS ? html.substring(0, MailHtmlSanitizer.MAX_CHARS) : html;
        return of(Jsoup.parse(input).body());
    }

    static String of(Element body) {
        Lines lines = new Lines();
        body.traverse(lines);
        return lines.text();
    }

    private static final class Lines implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int newlines = 2;
        private boolean spacePending;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendCollapsed(text.getWholeText());
            } else if (node instanceof Element element && element.nameIs("br")) {
                newline();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && LINE_ENDING.contains(element.normalName())) newline();
        }

        private void appendCollapsed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    spacePending = newlines == 0;
                } else {
                    if (spacePending) out.append(' ');
                    spacePending = false;
                    out.append(c);
                    newlines = 0;
                }
            }
        }

        private void newline() {
            spacePending = false;
            if (newlines < 2) out.append('\n');
            newlines++;
        }

        String text() {
            return out.toString().strip();
        }
    }
}
