package dev.gmailserverauth.domain.model;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The stored form of a {@link BrowserNonce}: its SHA-256, 64 hex characters. */
public record BrowserBinding(String value) {
    public BrowserBinding {
        if (value == null || !value.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("browser binding is malformed");
    }

    /** Whether the browser presented the nonce this binding was made from (compared in constant time). */
    public boolean isMadeFrom(Optional<BrowserNonce> presented) {
        return presented.map(nonce -> MessageDigest.isEqual(
                nonce.binding().value().getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }
}
