package dev.gmailserverauth.web.signin;

import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.web.WebConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Objects;
import java.util.Optional;

/**
 * The sign-in cookie: a nonce this browser holds while it signs in, whose hash is stored with each
 * pending authorization it starts. The callback is completed only for the browser that holds it, so
 * an attacker's callback URL opened in a victim's browser signs nobody in (login CSRF, RFC 9700 §4.7).
 * HttpOnly and SameSite=Lax (sent on the top-level redirect back from Google); Secure with the
 * {@code __Host-} prefix over https. One nonce serves every tab of the browser, so two tabs signing in
 * at once both complete.
 */
final class SignInCookie {
    private final boolean secure;
    private final String name;

    SignInCookie(WebConfig config) {
        Objects.requireNonNull(config, "config");
        this.secure = config.secure();
        this.name = secure ? "__Host-signin" : "signin";
    }

    /** The browser's nonce, kept if it has a well-formed one, and the cookie (re)set for another sign-in's lifetime. */
    BrowserNonce issue(Context ctx) {
        BrowserNonce nonce = presented(ctx).orElseGet(BrowserNonce::random);
        ctx.cookie(new Cookie(name, nonce.value(), "/", (int) PendingAuthorization.TIME_TO_LIVE.toSeconds(), secure, true, null, SameSite.LAX));
        return nonce;
    }

    /** The nonce this browser presents, if any and well formed. */
    Optional<BrowserNonce> presented(Context ctx) {
        String raw = ctx.cookie(name);
        if (raw == null) return Optional.empty();
        try {
            return Optional.of(new BrowserNonce(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
