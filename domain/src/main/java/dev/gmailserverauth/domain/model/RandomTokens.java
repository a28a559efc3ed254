package dev.gmailserverauth.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable URL-safe values for states, PKCE verifiers and session ids, and their SHA-256. */
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

    /** SHA-256 of a token's ASCII characters (the PKCE challenge, the stored session key). */
    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** SHA-256 of a token, hex-encoded: the stored form of a secret that must never be stored itself. */
    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /**
     * Whether {@code value} looks like a token made by {@link #urlSafe}: 43 to 128 URL-safe characters
     * (the length RFC 7636 gives PKCE verifiers, used for every random token here).
     */
    static boolean isToken(String value) {
        return value != null && value.length() >= 43 && value.length() <= 128 && isUrlSafe(value);
    }

    static boolean isUrlSafe(String value) {
        return value.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~');
    }
}
