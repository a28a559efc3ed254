package dev.gmailserverauth.web.http;

import dev.gmailserverauth.web.shared.BadInput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * Refuses a path whose percent escapes are malformed ({@code %u0041}, {@code %zz}, a lone {@code %}), spell
 * bytes that are not UTF-8 (overlong forms, truncated sequences, surrogates) or a control character ({@code %00}):
 * 400 with the usual page (with the signed-in header) or JSON, one wording ({@link BadInput#MALFORMED_ADDRESS}),
 * and the request log's one line. Javalin decodes path parameters before a route runs, and a
 * decoding failure there would be a 500 with a stack trace; this check runs first, on the raw path.
 */
public final class PathEscapes {
    private PathEscapes() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(PathEscapes::check);
    }

    /**
     * Lets badly encoded paths through Jetty to {@link #check}, which refuses them with the app's own page (the person's header
     * included) instead of Jetty's answer before the headers are read. Only the encoding violations: ambiguous paths
     * ({@code %2F}, {@code ..} segments, empty segments) stay Jetty's to refuse.
     */
    public static void leaveToTheApp(HttpConfiguration http) {
        http.setUriCompliance(http.getUriCompliance().with("app-checks-escapes", UriCompliance.Violation.BAD_PERCENT_ENCODING,
                UriCompliance.Violation.BAD_UTF8_ENCODING, UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
                UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS, UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS,
                UriCompliance.Violation.UTF16_ENCODINGS));
    }

    private static void check(Context ctx) {
        if (!wellFormed(ctx.req().getRequestURI())) {
            throw new BadInput(BadInput.MALFORMED_ADDRESS);
        }
    }

    /** A C0 control character or DEL: no path of the app holds one ({@link #leaveToTheApp} lets {@code %00} through to here). */
    private static boolean control(int c) {
        return c < 0x20 || c == 0x7f;
    }

    /** Whether every {@code %} starts two hex digits and the bytes they spell, with the rest, are UTF-8 and no control character. */
    static boolean wellFormed(String rawPath) {
        if (rawPath.indexOf('%') < 0) return rawPath.chars().noneMatch(PathEscapes::control);
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
            if (control(high * 16 + low)) return false;
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
