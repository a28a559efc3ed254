package dev.gmailserverauth.web.http;

import dev.gmailserverauth.web.WebConfig;
import io.javalin.http.Context;

/**
 * Headers on every response: a CSP that allows only the app's own script files (the live updates' {@code /static/live.js})
 * and nothing inline, no framing, no sniffing,
 * no referrer (mail URLs stay private), no caching of mail, and HSTS when served over https.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /**
     * The message frame's own policy: nothing runs, nothing is submitted, nothing loads but the
     * message's own images and inline styles (mail needs them; the app's pages never allow them), the
     * document is sandboxed even when opened on its own, and only the app's own pages may frame it.
     */
    private static final String FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:%s; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox";
    /** A downloaded file is never a document of this origin, should a browser show it anyway. */
    private static final String DOWNLOAD_POLICY = "default-src 'none'; img-src 'self'; sandbox";

    private final boolean https;

    public SecurityHeaders(WebConfig config) {
        this.https = config.secure();
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "no-store");
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
    }

    /** For the message frame: {@link #FRAME_POLICY}, remote images over https only when the reader asked for them. */
    public static void messageFrame(Context ctx, boolean remoteImages) {
        ctx.header("Content-Security-Policy", FRAME_POLICY.formatted(remoteImages ? " https:" : ""));
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }

    /** For a file served from a message. */
    public static void download(Context ctx) {
        ctx.header("Content-Security-Policy", DOWNLOAD_POLICY);
    }
}
