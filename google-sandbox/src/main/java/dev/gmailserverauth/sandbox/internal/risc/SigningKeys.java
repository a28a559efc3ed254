package dev.gmailserverauth.sandbox.internal.risc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The RSA keys the sandbox signs ID tokens and security event tokens with (RS256, as Google), made on first use:
 * the current key and the one before it are published in the JWKS; the next key is not, until {@link #rotate()}.
 * Thread-safe.
 */
public final class SigningKeys {
    /** Which key signs, and under which {@code kid}. */
    public enum Signer {
        /** The current, published key. */
        CURRENT,
        /** The next key under its own {@code kid}, which the JWKS does not list yet. */
        NEXT,
        /** A key that is never published, under the current key's {@code kid}: the signature does not verify. */
        IMPOSTOR
    }

    private static final int KEY_BITS = 2048;
    private final SecureRandom random = new SecureRandom();
    private RSAKey current;
    private Optional<RSAKey> previous = Optional.empty();
    private RSAKey next;
    private RSAKey impostor;

    /** The published public keys, current first. */
    public synchronized JWKSet publicJwks() {
        List<JWK> keys = new ArrayList<>();
        keys.add(current().toPublicJWK());
        previous.ifPresent(p -> keys.add(p.toPublicJWK()));
        return new JWKSet(keys);
    }

    /** The current key's id (making the key if it is the first use). */
    public synchronized String currentKeyId() {
        return current().getKeyID();
    }

    /** The next key becomes current (and published); the current one stays published as the previous one. */
    public synchronized void rotate() {
        previous = Optional.of(current());
        current = next();
        next = null;
    }

    /**
     * Signs the claims with RS256.
     *
     * @param type the {@code typ} header ({@code JWT} for ID tokens); empty = no {@code typ}
     */
    public String sign(JWTClaimsSet claims, Signer signer, Optional<JOSEObjectType> type) {
        RSAKey key;
        String keyId;
        synchronized (this) {
            key = switch (signer) {
                case CURRENT -> current();
                case NEXT -> next();
                case IMPOSTOR -> impostor();
            };
            keyId = signer == Signer.IMPOSTOR ? current().getKeyID() : key.getKeyID();
        }
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId);
        type.ifPresent(header::type);
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
        return jwt.serialize();
    }

    private RSAKey current() {
        if (current == null) current = generate();
        return current;
    }

    private RSAKey next() {
        if (next == null) next = generate();
        return next;
    }

    private RSAKey impostor() {
        if (impostor == null) impostor = generate();
        return impostor;
    }

    /** A key id of 40 hex digits, shaped like Google's. */
    private RSAKey generate() {
        byte[] id = new byte[20];
        random.nextBytes(id);
        try {
            return new RSAKeyGenerator(KEY_BITS).keyID(HexFormat.of().formatHex(id)).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }
}
