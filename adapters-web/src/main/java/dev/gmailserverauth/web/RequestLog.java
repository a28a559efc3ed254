package dev.gmailserverauth.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path, status, milliseconds. Never the query string (it carries the
 * authorization code on the callback) and never a header or cookie.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.gmailserverauth.web.access");
    private static final int MAX_PATH = 200;

    private RequestLog() {
    }

    static void log(Context ctx, Float millis) {
        LOG.info("{} {} {} {}ms", ctx.method().name(), safePath(ctx), ctx.statusCode(), Math.round(millis));
    }

    /** The path without its query, printable ASCII only, cut to a sane length. */
    static String safePath(Context ctx) {
        String path = ctx.path();
        StringBuilder out = new StringBuilder(Math.min(path.length(), MAX_PATH));
        for (int i = 0; i < path.length() && out.length() < MAX_PATH; i++) {
            char c = path.charAt(i);
            out.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        if (path.length() > MAX_PATH) out.append('…');
        return out.toString();
    }
}
