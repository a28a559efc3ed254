package dev.gmailserverauth.google;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gmail's {@code snippet} is plain text with HTML entities escaped (observed); the domain wants plain text. */
final class Snippets {
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);");

    private Snippets() {
    }

    static String unescape(String snippet) {
        if (snippet == null) return "";
        if (snippet.indexOf('&') < 0) return snippet;
        Matcher m = ENTITY.matcher(snippet);
        StringBuilder out = new StringBuilder(snippet.length());
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(character(m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    private static String character(String entity) {
        switch (entity) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default:
                int code = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "&" + entity + ";";
        }
    }
}
