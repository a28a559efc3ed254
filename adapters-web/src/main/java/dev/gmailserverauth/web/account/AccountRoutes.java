package dev.gmailserverauth.web.account;

import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.web.shared.Csrf;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.FormData;
import dev.gmailserverauth.web.shared.Sessions;
import dev.gmailserverauth.web.shared.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code POST /logout} and {@code POST /disconnect}, and the CSRF check in front of every POST route: a
 * signed-in visitor's form must carry the token derived from their session ({@link Csrf}). The security
 * event receiver is exempt: Google posts to it server to server, with no session and no form.
 */
public final class AccountRoutes {
    private final Disconnect disconnect;
    private final Sessions sessions;
    private final String riscReceiverPath;

    public AccountRoutes(Disconnect disconnect, Sessions sessions, String riscReceiverPath) {
        this.disconnect = Objects.requireNonNull(disconnect);
        this.sessions = Objects.requireNonNull(sessions);
        this.riscReceiverPath = Objects.requireNonNull(riscReceiverPath);
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::checkCsrf);
        routes.post("/logout", this::logout);
        routes.post("/disconnect", this::disconnect);
    }

    private void checkCsrf(Context ctx) {
        if (!ctx.method().equals(HandlerType.POST) || ctx.path().equals(riscReceiverPath)) return;
        Visitor visitor = sessions.visitor(ctx);
        if (!visitor.signedIn()) return; // nothing to forge: the POST routes do nothing without a session
        String presented = form(ctx).get(Csrf.FIELD).orElse("");
        if (!Csrf.matches(visitor.token().orElseThrow(), presented)) {
            throw new Failure.Forbidden("This form is missing its anti-forgery token or it does not match your session. Go back, reload the page and try again.");
        }
    }

    private void logout(Context ctx) {
        boolean signedIn = sessions.visitor(ctx).signedIn();
        sessions.signOut(ctx);
        ctx.redirect(signedIn ? "/?bye=signed-out" : "/", HttpStatus.SEE_OTHER);
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

    private static FormData form(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) return FormData.empty();
        // RequestArrival has read the whole form, within its size cap, before this request thread began.
        return FormData.parse(new String(ctx.bodyAsBytes(), StandardCharsets.ISO_8859_1));
    }
}
