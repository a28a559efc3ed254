package dev.gmailserverauth.web;

import io.javalin.http.Context;

/** Path parameters, with a decoding failure reported as bad input rather than a server error. */
final class PathParams {
    private PathParams() {
    }

    static String get(Context ctx, String name) {
        try {
            return ctx.pathParam(name);
        } catch (IllegalArgumentException e) {
            throw new BadInput("the " + name + " in the path is not properly encoded");
        }
    }
}
