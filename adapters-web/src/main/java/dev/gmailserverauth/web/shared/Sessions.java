package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.application.EndSession;
import dev.gmailserverauth.application.ResolveSession;
import dev.gmailserverauth.application.StartSession;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.web.WebConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The session cookie: it holds a {@link SessionToken}; the server keeps only its hash, through the
 * session use cases. HttpOnly, SameSite=Lax, Path=/, and Secure (with the {@code __Host-} prefix) when
 * the app is served over https.
 */
public final class Sessions {
    private static final String VISITOR = "web.visitor";
    /** The query parameter naming the Google account a page or API call reads: its id or its address. */
    public static final String ACCOUNT_PARAMETER = "account";

    private final StartSession start;
    private final ResolveSession resolve;
    private final EndSession end;
    private final WebConfig config;
    private final String cookieName;
    private final List<Consumer<SessionToken>> endListeners = new CopyOnWriteArrayList<>();

    public Sessions(SessionUseCases useCases, WebConfig config) {
        this.start = useCases.start();
        this.resolve = useCases.resolve();
        this.end = useCases.end();
        this.config = Objects.requireNonNull(config);
        this.cookieName = config.secure() ? "__Host-sid" : "sid";
    }

    /** Tells {@code listener} of every session this browser front ends (a sign-out, a sign-in replacing it): open streams close. */
    public void onEnd(Consumer<SessionToken> listener) {
        endListeners.add(listener);
    }

    private void end(SessionToken token) {
        end.end(token);
        endListeners.forEach(listener -> listener.accept(token));
    }

    String cookieName() {
        return cookieName;
    }

    /** The visitor of this request, resolved once and remembered on the context. */
    public Visitor visitor(Context ctx) {
        Visitor known = ctx.attribute(VISITOR);
        if (known != null) return known;
        Optional<SessionToken> token = Optional.ofNullable(ctx.cookie(cookieName)).flatMap(Sessions::parse);
        Visitor visitor = new Visitor(token, token.flatMap(resolve::resolve), namedAccount(ctx));
        ctx.attribute(VISITOR, visitor);
        AccountLinks.keep(ctx, visitor.keptAccount());
        return visitor;
    }

    /**
     * Signs the person in on this browser with one of their accounts, with a brand-new token, ending the
     * session it had before.
     */
    public void signIn(Context ctx, PersonId person, UserId account) {
        visitor(ctx).token().ifPresent(this::end);
        SessionToken token = start.start(person, account);
        ctx.cookie(cookie(token.value(), (int) config.sessionMaxAge().toSeconds()));
        ctx.attribute(VISITOR, new Visitor(Optional.of(token), resolve.resolve(token), Optional.empty()));
    }

    /** The {@code account} the address names ({@code ?account=}, also on a form's action), as given. */
    private static Optional<String> namedAccount(Context ctx) {
        return FormData.parse(ctx.queryString()).get(ACCOUNT_PARAMETER).filter(value -> !value.isBlank());
    }

    /** Ends this browser's session and clears its cookie. */
    public void signOut(Context ctx) {
        visitor(ctx).token().ifPresent(this::end);
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
