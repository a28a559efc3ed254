package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.domain.model.Attachment;
import java.nio.charset.StandardCharsets;

/**
 * The name a file is shown and saved under, and the {@code Content-Disposition} that saves it. The
 * sender's name is never trusted as a path: control characters, slashes and backslashes become
 * {@code _}, leading dots go, it is cut at 150 characters, and a file without a name is
 * {@code attachment}. The header follows RFC 6266: {@code filename="…"} with an ASCII fallback and
 * {@code filename*=UTF-8''…} percent-encoded (RFC 8187) for everything else.
 */
final class DownloadNames {
    private static final int MAX_LENGTH = 150;
    private static final String UNNAMED = "attachment";
    /** RFC 8187 attr-char, besides letters and digits. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private DownloadNames() {
    }

    /** The file's name, safe to show and to save under. */
    static String display(Attachment attachment) {
        StringBuilder name = new StringBuilder();
        attachment.filename().strip().codePoints().limit(MAX_LENGTH).forEach(c -> name.appendCodePoint(
                Character.isISOControl(c) || c == '/' || c == '\\' || Character.getType(c) == Character.FORMAT ? '_' : c));
        while (name.length() > 0 && name.charAt(0) == '.') name.deleteCharAt(0);
        String cleaned = name.toString().strip();
        return cleaned.isEmpty() ? UNNAMED : cleaned;
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''encoded}, or {@code inline; …} for an image shown in the mail. */
    static String contentDisposition(Attachment attachment, boolean inline) {
        String name = display(attachment);
        return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return ascii.toString();
    }

    private static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
