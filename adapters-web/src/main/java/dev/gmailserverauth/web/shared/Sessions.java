package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.application.EndSession;
import dev.gmailserverauth.application.ResolveSession;
import dev.gmailserverauth.application.StartSession;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.web.WebConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Objects;
import java.util.Optional;

/**
 * The session cookie: it holds a {@link SessionToken}; the server keeps only its hash, through the
 * session use cases. HttpOnly, SameSite=Lax, Path=/, and Secure (with the {@code __Host-} prefix) when
 * the app is served over https.
 */
public final class Sessions {
    private static final String VISITOR = "web.visitor";

    private final StartSession start;
    private final ResolveSession resolve;
    private final EndSession end;
    private final WebConfig config;
    private final String cookieName;

    public Sessions(SessionUseCases useCases, WebConfig config) {
        this.start = useCases.start();
        this.resolve = useCases.resolve();
        this.end = useCases.end();
        this.config = Objects.requireNonNull(config);
        this.cookieName = config.secure() ? "__Host-sid" : "sid";
    }

    String cookieName() {
        return cookieName;
    }

    /** The visitor of this request, resolved once and remembered on the context. */
    public Visitor visitor(Context ctx) {
        Visitor known = ctx.attribute(VISITOR);
        if (known != null) return known;
        Optional<SessionToken> token = Optional.ofNullable(ctx.cookie(cookieName)).flatMap(Sessions::parse);
        Visitor visitor = new Visitor(token, token.flatMap(resolve::resolve));
        ctx.attribute(VISITOR, visitor);
        return visitor;
    }

    /** Signs the user in on this browser with a brand-new token, ending the session it had before. */
    public void signIn(Context ctx, UserId user) {
        visitor(ctx).token().ifPresent(end::end);
        SessionToken token = start.start(user);
        ctx.cookie(cookie(token.value(), (int) config.sessionMaxAge().toSeconds()));
        ctx.attribute(VISITOR, new Visitor(Optional.of(token), Optional.of(user)));
    }

    /** Ends this browser's session and clears its cookie. */
    public void signOut(Context ctx) {
        visitor(ctx).token().ifPresent(end::end);
        forget(ctx);
    }

    /** Clears the cookie only (the server side is already gone, for example after disconnecting). */
    public void forget(Context ctx) {
        ctx.cookie(cookie("", 0));
        ctx.attribute(VISITOR, Visitor.ANONYMOUS);
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        return new Cookie(cookieName, value, "/", maxAgeSeconds, config.secure(), true, null, SameSite.LAX);
    }

    private static Optional<SessionToken> parse(String raw) {
        try {
            return Optional.of(new SessionToken(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
