package dev.gmailserverauth.domain.model;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe values for states, PKCE verifiers and session ids. */
final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes, base64url-encoded without padding. */
    static String urlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    static boolean isUrlSafe(String value) {
        return value.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~');
    }
}
