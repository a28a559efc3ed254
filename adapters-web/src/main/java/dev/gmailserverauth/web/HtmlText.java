package dev.gmailserverauth.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML mail body into plain text for display. Nothing of the HTML survives as markup: the
 * result is rendered escaped, so no sanitizer has to be trusted.
 */
final class HtmlText {
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|pre|table)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n([ \\t]*\\n)+");
    private static final int MAX_INPUT = 2_000_000;

    private HtmlText() {
    }

    static String toText(String html) {
        String text = html.length() > MAX_INPUT ? html.substring(0, MAX_INPUT) : html;
        text = COMMENT.matcher(text).replaceAll("");
        text = HIDDEN.matcher(text).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1)).orElse(m.group())));
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<String> entity(String name) {
        if (name.startsWith("#")) {
            int codePoint = name.charAt(1) == 'x' || name.charAt(1) == 'X' ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Optional.of(Character.toString(codePoint)) : Optional.empty();
        }
        return Optional.ofNullable(switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> null;
        });
    }
}
