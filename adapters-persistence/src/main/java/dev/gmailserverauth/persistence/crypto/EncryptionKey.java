package dev.gmailserverauth.persistence.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key and its id. The id is derived from the key (a truncated SHA-256 with a label), so a
 * configured key and the id recorded beside a ciphertext can be matched without storing the key anywhere.
 */
public final class EncryptionKey {
    /** AES-256. */
    public static final int LENGTH_BYTES = 32;
    private static final int ID_BYTES = 8;
    private static final byte[] ID_LABEL = "gmail-server-auth/encryption-key-id/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WRONG_LENGTH = "must be " + LENGTH_BYTES + " bytes (AES-256) in base64, this one has ";

    private final byte[] bytes;
    private final String id;

    private EncryptionKey(byte[] bytes) {
        if (bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException(WRONG_LENGTH + bytes.length);
        }
        this.bytes = bytes.clone();
        this.id = idOf(bytes);
    }

    /**
     * Decodes a base64 (standard or URL-safe) key. A failure's message says what the value must be
     * ("must be base64 …", "must be 32 bytes …") and never contains the key.
     */
    public static EncryptionKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "key");
        String trimmed = base64.trim();
        try {
            byte[] decoded = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
            return new EncryptionKey(decoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(WRONG_LENGTH)
                    ? e.getMessage() : "must be base64 of " + LENGTH_BYTES + " bytes; this value is not valid base64");
        }
    }

    public static EncryptionKey generate() {
        byte[] bytes = new byte[LENGTH_BYTES];
        RANDOM.nextBytes(bytes);
        return new EncryptionKey(bytes);
    }

    /** 16 hex characters that name this key in the database and in logs. */
    public String id() {
        return id;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    static int idLengthBytes() {
        return ID_BYTES;
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            byte[] digest = sha256.digest(key);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, ID_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey key && MessageDigest.isEqual(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "EncryptionKey[id=" + id + ", ***]";
    }
}
