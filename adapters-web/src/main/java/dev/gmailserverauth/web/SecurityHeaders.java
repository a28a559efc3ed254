package dev.gmailserverauth.web;

import io.javalin.http.Context;

/**
 * Headers on every response: a CSP that allows no script and nothing inline, no framing, no sniffing,
 * no referrer (mail URLs stay private), no caching of mail, and HSTS when served over https.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final boolean https;

    SecurityHeaders(WebConfig config) {
        this.https = config.secure();
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/")) ctx.header("Cache-Control", "no-store");
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
}
