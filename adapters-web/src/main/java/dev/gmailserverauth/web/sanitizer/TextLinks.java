package dev.gmailserverauth.web.sanitizer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain-text body cut into text and links: every {@code http://} or {@code https://} URL becomes a
 * link, the rest stays text. A URL runs to the next white space, quote or angle bracket, without the
 * punctuation that usually ends a sentence ({@code .,;:!?}) or a closing bracket it did not open; it must
 * parse as an absolute URI with a host. One pass over the text. Both parts are rendered escaped.
 */
public final class TextLinks {
    private static final String ENDS_SENTENCE = ".,;:!?'";

    /** A run of text, and the URL it links to when it is a link. */
    public record Segment(String text, Optional<String> href) {
        public Segment {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(href, "href");
        }

        public boolean link() {
            return href.isPresent();
        }
    }

    private TextLinks() {
    }

    public static List<Segment> of(String text) {
        List<Segment> segments = new ArrayList<>();
        int plainFrom = 0;
        int i = 0;
        while (i < text.length()) {
            int schemeLength = schemeAt(text, i);
            if (schemeLength == 0) {
                i++;
                continue;
            }
            int end = urlEnd(text, i + schemeLength);
            Optional<String> href = end > i + schemeLength ? href(text.substring(i, end)) : Optional.empty();
            if (href.isEmpty()) {
                i = Math.max(end, i + schemeLength); // the whole run stays text: never scan it again
                continue;
            }
            if (i > plainFrom) segments.add(new Segment(text.substring(plainFrom, i), Optional.empty()));
            segments.add(new Segment(text.substring(i, end), href));
            plainFrom = end;
            i = end;
        }
        if (plainFrom < text.length()) segments.add(new Segment(text.substring(plainFrom), Optional.empty()));
        return List.copyOf(segments);
    }

    /** The length of {@code http://} or {@code https://} at that position (any case) after a non-letter, or 0. */
    private static int schemeAt(String text, int at) {
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) return 0;
        if (text.regionMatches(true, at, "https://", 0, 8)) return 8;
        if (text.regionMatches(true, at, "http://", 0, 7)) return 7;
        return 0;
    }

    private static int urlEnd(String text, int from) {
        int end = from;
        int openParens = 0;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '<' || c == '>') break;
            if (c == '(') openParens++;
            if (c == ')') {
                if (openParens == 0) break;
                openParens--;
            }
            end++;
        }
        while (end > from && ENDS_SENTENCE.indexOf(text.charAt(end - 1)) >= 0) end--;
        return end;
    }

    private static Optional<String> href(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) return Optional.empty();
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }
}
