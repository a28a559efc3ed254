package dev.gmailserverauth.domain.model;

import java.util.Base64;

/** The PKCE {@code code_verifier} (RFC 7636): 43 to 128 unreserved characters. Secret. */
public record PkceVerifier(String value) {
    public PkceVerifier {
        if (!RandomTokens.isToken(value)) {
            throw new IllegalArgumentException("PKCE verifier must be 43 to 128 characters of [A-Za-z0-9-._~]");
        }
    }

    /** A fresh verifier from 32 random bytes (43 characters), as RFC 7636 recommends. */
    public static PkceVerifier random() {
        return new PkceVerifier(RandomTokens.urlSafe(32));
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))} without padding: the S256 {@code code_challenge}. */
    public String s256Challenge() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(RandomTokens.sha256(value));
    }

    @Override
    public String toString() {
        return "PkceVerifier[***]";
    }
}
