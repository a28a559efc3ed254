package dev.gmailserverauth.web.account;

import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.web.shared.Sessions;
import dev.gmailserverauth.web.shared.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * {@code POST /disconnect}: revokes the grant at Google and deletes what is stored about the person. The
 * form carries the CSRF token ({@link dev.gmailserverauth.web.shared.CsrfCheck} checks it first).
 */
final class AccountRoutes {
    private final Disconnect disconnect;
    private final Sessions sessions;

    AccountRoutes(Disconnect disconnect, Sessions sessions) {
        this.disconnect = Objects.requireNonNull(disconnect);
        this.sessions = Objects.requireNonNull(sessions);
    }

    void register(RoutesConfig routes) {
        routes.post("/disconnect", this::disconnect);
    }

    private void disconnect(Context ctx) {
        Visitor visitor = sessions.visitor(ctx);
        if (visitor.signedIn()) {
            disconnect.disconnect(visitor.requireUser());
            sessions.forget(ctx);
            ctx.redirect("/?bye=disconnected", HttpStatus.SEE_OTHER);
        } else {
            sessions.forget(ctx);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        }
    }
}
