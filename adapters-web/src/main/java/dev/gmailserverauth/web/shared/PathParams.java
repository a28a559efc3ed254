package dev.gmailserverauth.web.shared;

import io.javalin.http.Context;

/** Path parameters, with a decoding failure reported as bad input rather than a server error. */
public final class PathParams {
    private PathParams() {
    }

    public static String get(Context ctx, String name) {
        try {
            return ctx.pathParam(name);
        } catch (IllegalArgumentException e) {
            throw new BadInput("the " + name + " in the path is not properly encoded");
        }
    }
}
