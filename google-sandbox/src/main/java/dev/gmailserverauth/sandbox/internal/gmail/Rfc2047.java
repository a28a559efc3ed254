package dev.gmailserverauth.sandbox.internal.gmail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words for non-ASCII header values. The JDK has no encoder/decoder for them
 * (javax.mail is not on the classpath), so this is a small one: B encoding out, B and Q in.
 */
final class Rfc2047 {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final int MAX_CHUNK_BYTES = 45;

    private Rfc2047() {}

    public static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    /** Encodes the whole value as folded UTF-8 B words when it is not ASCII. */
    public static String encode(String value) {
        if (isAscii(value)) return value;
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int bytes = ch.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > MAX_CHUNK_BYTES) {
                appendWord(out, chunk.toString());
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(ch);
            chunkBytes += bytes;
            i += Character.charCount(cp);
        }
        appendWord(out, chunk.toString());
        return out.toString();
    }

    /** Encodes only the display name of an address like {@code Zoë <zoe@example.org>}. */
    public static String encodeAddress(String address) {
        int lt = address.lastIndexOf('<');
        if (lt <= 0 || isAscii(address)) return encode(address);
        String name = address.substring(0, lt).trim();
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) name = name.substring(1, name.length() - 1);
        return encode(name) + " " + address.substring(lt);
    }

    /** Decodes every encoded word; unfolds folded lines. */
    public static String decode(String value) {
        String unfolded = value.replace("\r\n", "").replace("\n", "");
        String joined = BETWEEN_WORDS.matcher(unfolded).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decodeWord(m.group(1), m.group(2), m.group(3))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void appendWord(StringBuilder out, String text) {
        if (text.isEmpty()) return;
        if (out.length() > 0) out.append("\r\n ");
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))
                .append("?=");
    }

    private static String decodeWord(String charsetName, String encoding, String text) {
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalArgumentException e) {
            return "=?" + charsetName + "?" + encoding + "?" + text + "?=";
        }
        byte[] bytes = encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(text) : decodeQ(text);
        return new String(bytes, charset);
    }

    private static byte[] decodeQ(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** Q-encodes a display name (used for a few demo senders, as real mail mixes B and Q). */
    public static String encodeQ(String text) {
        StringBuilder out = new StringBuilder("=?UTF-8?Q?");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int u = b & 0xff;
            if (u == ' ') out.append('_');
            else if (u < 128 && Character.isLetterOrDigit(u)) out.append((char) u);
            else out.append('=').append(String.format("%02X", u));
        }
        return out.append("?=").toString();
    }
}
