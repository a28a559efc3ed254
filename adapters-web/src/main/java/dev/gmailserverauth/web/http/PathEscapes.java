package dev.gmailserverauth.web.http;

import dev.gmailserverauth.web.shared.BadInput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a path whose percent escapes are malformed ({@code %u0041}, {@code %zz}, a lone {@code %}) or
 * spell bytes that are not UTF-8 (overlong forms, truncated sequences, surrogates): 400 with the usual page
 * or JSON, and the request log's one line. Javalin decodes path parameters before a route runs, and a
 * decoding failure there would be a 500 with a stack trace; this check runs first, on the raw path.
 */
public final class PathEscapes {
    private PathEscapes() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(PathEscapes::check);
    }

    private static void check(Context ctx) {
        if (!wellFormed(ctx.req().getRequestURI())) {
            throw new BadInput(BadInput.MALFORMED_ADDRESS);
        }
    }

    /** Whether every {@code %} starts two hex digits and the bytes they spell, with the rest, are UTF-8. */
    static boolean wellFormed(String rawPath) {
        if (rawPath.indexOf('%') < 0) return true;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= rawPath.length()) return false;
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high < 0 || low < 0) return false;
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
