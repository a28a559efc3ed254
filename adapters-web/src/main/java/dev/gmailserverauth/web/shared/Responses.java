package dev.gmailserverauth.web.shared;

import io.javalin.http.Context;

/**
 * Writes a response and notes that the request has its answer, so that the status-based fallback of
 * {@link ErrorResponses} leaves it alone. Every route and error handler answers through here.
 */
public final class Responses {
    private static final String ANSWERED = "web.answered";

    private Responses() {
    }

    public static void json(Context ctx, int status, Object body) {
        markAnswered(ctx);
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    public static void html(Context ctx, int status, String html) {
        markAnswered(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(AccountLinks.apply(ctx, html));
    }

    public static void text(Context ctx, int status, String text) {
        markAnswered(ctx);
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
    }

    public static void markAnswered(Context ctx) {
        ctx.attribute(ANSWERED, true);
    }

    public static boolean answered(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ANSWERED));
    }
}
