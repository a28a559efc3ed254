package dev.gmailserverauth.domain.model;

/**
 * The secret a browser holds (in a short-lived cookie) while it signs in. Only its {@link #binding()} is
 * stored with the pending authorization, so a callback opened in any other browser is refused: the
 * defence against login CSRF (RFC 9700 §4.7).
 */
public record BrowserNonce(String value) {
    public BrowserNonce {
        if (!RandomTokens.isToken(value)) {
            throw new IllegalArgumentException("browser nonce is malformed");
        }
    }

    public static BrowserNonce random() {
        return new BrowserNonce(RandomTokens.urlSafe(32));
    }

    /** SHA-256 of the nonce, hex-encoded: what the pending authorization keeps. */
    public BrowserBinding binding() {
        return new BrowserBinding(RandomTokens.sha256Hex(value));
    }

    @Override
    public String toString() {
        return "BrowserNonce[***]";
    }
}
