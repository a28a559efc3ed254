package dev.gmailserverauth.web;

import io.javalin.http.Context;

/** Which requests are answered in JSON rather than HTML. */
final class Api {
    private Api() {
    }

    static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/health");
    }
}
