package dev.gmailserverauth.web.shared;

import io.javalin.http.Context;

/** Which requests are answered in JSON rather than HTML. */
public final class Api {
    private Api() {
    }

    public static boolean isApi(Context ctx) {
        return isApiPath(ctx.path());
    }

    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/health");
    }
}
