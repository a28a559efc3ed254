package dev.gmailserverauth.web.shared;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The CSRF check in front of every POST route: a signed-in visitor's form must carry the token derived
 * from their session ({@link Csrf}). The security event receiver is exempt: Google posts to it server to
 * server, with no session and no form.
 */
public final class CsrfCheck {
    private final Sessions sessions;
    private final String exemptPath;

    public CsrfCheck(Sessions sessions, String exemptPath) {
        this.sessions = Objects.requireNonNull(sessions);
        this.exemptPath = Objects.requireNonNull(exemptPath);
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        if (!ctx.method().equals(HandlerType.POST) || ctx.path().equals(exemptPath)) return;
        Visitor visitor = sessions.visitor(ctx);
        if (!visitor.signedIn()) return; // nothing to forge: the POST routes do nothing without a session
        String presented = form(ctx).get(Csrf.FIELD).orElse("");
        if (!Csrf.matches(visitor.token().orElseThrow(), presented)) {
            throw new Failure.Forbidden("This form is missing its anti-forgery token or it does not match your session. Go back, reload the page and try again.");
        }
    }

    private static FormData form(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) return FormData.empty();
        // the body buffering in web.http has read the whole form, within its size cap, before this request thread began.
        return FormData.parse(new String(ctx.bodyAsBytes(), StandardCharsets.ISO_8859_1));
    }
}
