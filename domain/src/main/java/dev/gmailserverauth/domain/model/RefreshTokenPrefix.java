package dev.gmailserverauth.domain.model;

import java.util.function.Function;

/**
 * The first {@value #LENGTH} characters of a refresh token: how Google's {@code token-revoked} security
 * event names the token ({@code "token_identifier_alg": "prefix"}). Part of a secret, so hidden from
 * {@code toString}; its SHA-256 ({@link #sha256Hex()}) is what a store may keep to find the token again.
 */
public record RefreshTokenPrefix(String value) implements RefreshTokenIdentifier {
    /** Google's documented prefix length. */
    public static final int LENGTH = 16;

    public RefreshTokenPrefix {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("refresh token prefix is blank");
        if (value.length() > LENGTH) throw new IllegalArgumentException("refresh token prefix is longer than " + LENGTH);
        if (!value.chars().allMatch(c -> c > ' ' && c < 127)) throw new IllegalArgumentException("refresh token prefix is not printable ASCII");
    }

    /** Lower-case hex of the SHA-256 of the prefix: a lookup key that reveals neither the prefix nor the token. */
    public String sha256Hex() {
        return RandomTokens.sha256Hex(value);
    }

    @Override
    public boolean identifies(RefreshToken token) {
        return token.startsWith(this);
    }

    @Override
    public <R> R fold(Function<RefreshTokenPrefix, R> prefix, Function<RefreshTokenHash, R> hash) {
        return prefix.apply(this);
    }

    @Override
    public String toString() {
        return "RefreshTokenPrefix[***]";
    }
}
