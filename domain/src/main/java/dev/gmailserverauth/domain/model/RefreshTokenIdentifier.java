package dev.gmailserverauth.domain.model;

import java.util.function.Function;

/**
 * How Google's {@code token-revoked} security event names one refresh token ({@code token_identifier_alg}):
 * by its first characters ({@link RefreshTokenPrefix}, {@code prefix}) or by a double SHA-512 of the whole
 * token ({@link RefreshTokenHash}, {@code hash_base64_sha512_sha512}). Both are derived from a secret and hidden
 * from {@code toString}.
 */
public sealed interface RefreshTokenIdentifier permits RefreshTokenPrefix, RefreshTokenHash {

    /** Whether this identifier names that token. */
    boolean identifies(RefreshToken token);

    /** Takes the identifier apart, one function per kind. */
    <R> R fold(Function<RefreshTokenPrefix, R> prefix, Function<RefreshTokenHash, R> hash);
}
