package dev.gmailserverauth.web.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import java.util.List;

/**
 * {@code HEAD} answers exactly as {@code GET} would, without the body: same session checks, same status.
 * Left to itself, Javalin answers a HEAD for any path that has a GET route with 200, without running the
 * route, so {@code HEAD /api/me} said 200 to a visitor whom {@code GET /api/me} refuses. Each GET route gets
 * a HEAD route running the same handler; Jetty leaves the body out of a HEAD response.
 */
public final class HeadLikeGet {
    private HeadLikeGet() {
    }

    /** After every route is registered: a HEAD route beside each GET route. */
    public static Javalin install(Javalin app) {
        InternalRouter router = app.unsafe.internalRouter;
        List<Endpoint> gets = router.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.equals(HandlerType.GET)).toList();
        gets.forEach(get -> router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler)));
        return app;
    }
}
