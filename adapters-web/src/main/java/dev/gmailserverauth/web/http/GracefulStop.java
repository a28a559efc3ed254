package dev.gmailserverauth.web.http;

import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Stopping lets running requests finish: Jetty stops accepting at once, then waits up to the grace
 * period for requests in flight. Javalin nests its own handler inside the one set here.
 */
public final class GracefulStop {
    private GracefulStop() {
    }

    /**
     * Installs graceful stopping at the inside end of {@code outer}'s chain of wrappers; {@code outer} becomes
     * the server's handler.
     */
    public static void install(Server server, Handler.Wrapper outer, Duration grace) {
        Handler.Wrapper inner = outer;
        while (inner.getHandler() instanceof Handler.Wrapper next) inner = next;
        inner.setHandler(new GracefulHandler());
        server.setHandler(outer);
        server.setStopTimeout(grace.toMillis());
    }
}
