package dev.gmailserverauth.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Function;

/**
 * A refresh token named as Google's {@code token-revoked} event does with {@code "token_identifier_alg":
 * "hash_base64_sha512_sha512"}: Base64 of SHA-512 applied twice to the token's UTF-8 bytes (the inner digest as its
 * 64 raw bytes). Google's page names the algorithm without spelling out the encoding, so any Base64 spelling of
 * the 64-byte digest is accepted (standard or URL-safe alphabet, padded or not) and kept in the standard, padded one.
 */
public record RefreshTokenHash(String value) implements RefreshTokenIdentifier {
    private static final int DIGEST_BYTES = 64;

    public RefreshTokenHash {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("refresh token hash is blank");
        value = Base64.getEncoder().encodeToString(decode(value.strip()));
    }

    /** The identifier Google would send for this token. */
    public static RefreshTokenHash of(RefreshToken token) {
        return new RefreshTokenHash(Base64.getEncoder().encodeToString(sha512(sha512(token.value().getBytes(StandardCharsets.UTF_8)))));
    }

    @Override
    public boolean identifies(RefreshToken token) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), of(token).value().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public <R> R fold(Function<RefreshTokenPrefix, R> prefix, Function<RefreshTokenHash, R> hash) {
        return hash.apply(this);
    }

    private static byte[] decode(String text) {
        byte[] digest;
        try {
            String standard = text.replace('-', '+').replace('_', '/');
            digest = Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("refresh token hash is not Base64");
        }
        if (digest.length != DIGEST_BYTES) throw new IllegalArgumentException("refresh token hash is not a SHA-512 digest (64 bytes)");
        return digest;
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenHash[***]";
    }
}
