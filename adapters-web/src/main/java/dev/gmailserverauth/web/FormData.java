package dev.gmailserverauth.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of a query string or a form body ({@code application/x-www-form-urlencoded}), decoded
 * strictly: a broken percent escape or bytes that are not UTF-8 are a {@link BadInput}, not a
 * replacement character or a server error. A repeated name keeps its first value.
 */
final class FormData {
    static final int MAX_PARAMETERS = 64;

    private final Map<String, String> values;

    private FormData(Map<String, String> values) {
        this.values = values;
    }

    static FormData empty() {
        return new FormData(Map.of());
    }

    static FormData parse(String raw) {
        if (raw == null || raw.isEmpty()) return empty();
        Map<String, String> values = new LinkedHashMap<>();
        String[] pairs = raw.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) throw new BadInput("too many parameters");
        for (String pair : pairs) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
        return new FormData(values);
    }

    /** The value, or empty when the parameter is absent or has an empty value. */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) throw new BadInput("a percent escape is cut short");
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) throw new BadInput("a percent escape is not hexadecimal");
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                // Servers see raw non-ASCII only from clients that skip encoding: take it as UTF-8 text.
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInput("a parameter is not valid UTF-8");
        }
    }
}
