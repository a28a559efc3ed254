package dev.gmailserverauth.web.account;

import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.application.SignedIn;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.Sessions;
import dev.gmailserverauth.web.shared.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * {@code POST /disconnect[?account=…]}: revokes the grant of one Google account at Google and deletes what is
 * stored about it; the person's other accounts stay, and disconnecting the last one signs them out. The
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
            SignedIn person = visitor.requirePerson();
            LinkedAccount account = visitor.account()
                    .orElseThrow(() -> new Failure.NotFound("You have no linked Google account " + visitor.namedAccount().orElse("") + "."));
            disconnect.disconnect(account.account());
            if (person.accounts().size() > 1) {
                // The person's other accounts stay, and so does this session.
                ctx.redirect(Links.MESSAGES, HttpStatus.SEE_OTHER);
            } else {
                sessions.forget(ctx);
                ctx.redirect("/?bye=disconnected", HttpStatus.SEE_OTHER);
            }
        } else {
            sessions.forget(ctx);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        }
    }
}
