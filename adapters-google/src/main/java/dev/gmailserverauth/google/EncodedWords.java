package dev.gmailserverauth.google;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.net.BCodec;
import org.apache.commons.codec.net.QCodec;

/**
 * Decodes RFC 2047 encoded words ({@code =?UTF-8?B?...?=}, {@code =?ISO-8859-1?Q?...?=}) in header
 * values. Each word is decoded by commons-codec's {@link BCodec}/{@link QCodec} (already on the
 * classpath with google-api-client); this class only finds the words, drops the white space between
 * adjacent ones (RFC 2047 §6.2) and strips an RFC 2231 language tag. A word it cannot decode is kept as is.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BLANK = Pattern.compile("[ \\t\\r\\n]*");

    private EncodedWords() {
    }

    static String decode(String value) {
        if (value == null) return "";
        if (!value.contains("=?")) return value;
        Matcher m = WORD.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String between = value.substring(last, m.start());
            if (!(previousWasWord && BLANK.matcher(between).matches())) out.append(between);
            out.append(decodeWord(m.group(0), m.group(1), m.group(2), m.group(3)));
            last = m.end();
            previousWasWord = true;
        }
        out.append(value.substring(last));
        return out.toString();
    }

    private static String decodeWord(String original, String charset, String encoding, String text) {
        String bareCharset = charset.contains("*") ? charset.substring(0, charset.indexOf('*')) : charset;
        String word = "=?" + bareCharset + "?" + encoding + "?" + text + "?=";
        try {
            return encoding.equalsIgnoreCase("B") ? new BCodec().decode(word) : new QCodec().decode(word);
        } catch (DecoderException | IllegalArgumentException e) {
            return original;
        }
    }
}
