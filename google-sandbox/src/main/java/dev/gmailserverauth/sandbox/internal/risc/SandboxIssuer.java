package dev.gmailserverauth.sandbox.internal.risc;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's issuer identifiers, known once it listens: the OpenID issuer is its base URL (Google's
 * {@code https://accounts.google.com}); the RISC issuer is the same with a trailing slash, as Google's
 * {@code https://accounts.google.com/} in security event tokens.
 */
public final class SandboxIssuer {
    private final AtomicReference<String> base = new AtomicReference<>();

    /** The sandbox listens at this base URL (no trailing slash). */
    public void listeningAt(URI baseUrl) {
        String value = baseUrl.toString();
        base.set(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    public String oidc() {
        String value = base.get();
        if (value == null) throw new IllegalStateException("the sandbox is not listening yet");
        return value;
    }

    public String risc() {
        return oidc() + "/";
    }
}
