package dev.gmailserverauth.persistence.crypto;

import dev.gmailserverauth.domain.error.StorageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts tokens with AES-256-GCM (the JDK's own provider). Each value gets a fresh random 96-bit nonce
 * and is bound to its {@link AssociatedData}. The stored form is self-describing:
 * {@code version(1) | key id(8) | nonce(12) | ciphertext + tag(16)}.
 */
public final class TokenCipher {
    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + EncryptionKey.idLengthBytes() + NONCE_BYTES;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Keyring> keyring;
    private final Supplier<Optional<Keyring>> reload;

    public TokenCipher(Keyring keyring) {
        this(keyring, Optional::empty);
    }

    /**
     * @param reload asked for the keys again when a value names a key this keyring lacks: a key file that
     *     another process (the {@code keys rotate} command) rotated while this one runs
     */
    public TokenCipher(Keyring keyring, Supplier<Optional<Keyring>> reload) {
        this.keyring = new AtomicReference<>(Objects.requireNonNull(keyring, "keyring"));
        this.reload = Objects.requireNonNull(reload, "reload");
    }

    public Keyring keyring() {
        return keyring.get();
    }

    /** Switches keys for every later {@link #sealer()}; values sealed before stay readable while their key is kept. */
    public void use(Keyring next) {
        keyring.set(Objects.requireNonNull(next, "keyring"));
    }

    /** Seals values with the key current now, so that one row's values and its key id agree. */
    public Sealer sealer() {
        return new Sealer(keyring.get().current());
    }

    /** Seals values with a given key (proving a key with its check value, re-encrypting during a rotation). */
    public Sealer sealerFor(EncryptionKey key) {
        return new Sealer(Objects.requireNonNull(key, "key"));
    }

    /** Decrypts a sealed value, or throws a {@link StorageException} that says which value and why. */
    public String open(byte[] sealed, AssociatedData associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new StorageException("stored " + associatedData.describe() + " is not a sealed value of a known format");
        }
        String keyId = keyIdOf(sealed);
        EncryptionKey key = keyFor(keyId).orElseThrow(() -> new StorageException(
                "stored " + associatedData.describe() + " is encrypted with key " + keyId + ", which is not configured"));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, sealed, 1 + EncryptionKey.idLengthBytes(), NONCE_BYTES));
            cipher.updateAAD(associatedData.bytes());
            byte[] plain = cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StorageException("stored " + associatedData.describe()
                    + " fails its integrity check: it was altered or copied from another row", e);
        } catch (GeneralSecurityException e) {
            throw new StorageException("stored " + associatedData.describe() + " cannot be decrypted", e);
        }
    }

    /** The key with this id; an unknown id reloads the keys once, and a reloaded keyring that has it becomes current. */
    private Optional<EncryptionKey> keyFor(String keyId) {
        Optional<EncryptionKey> known = keyring.get().find(keyId);
        if (known.isPresent()) return known;
        Optional<Keyring> reloaded = reload.get().filter(fresh -> fresh.find(keyId).isPresent());
        reloaded.ifPresent(keyring::set);
        return reloaded.flatMap(fresh -> fresh.find(keyId));
    }

    /** The id of the key a sealed value was encrypted with. */
    public static String keyIdOf(byte[] sealed) {
        return HexFormat.of().formatHex(sealed, 1, 1 + EncryptionKey.idLengthBytes());
    }

    /** Encrypts with one key. */
    public final class Sealer {
        private final EncryptionKey key;

        private Sealer(EncryptionKey key) {
            this.key = key;
        }

        public String keyId() {
            return key.id();
        }

        public byte[] seal(String plaintext, AssociatedData associatedData) {
            Objects.requireNonNull(plaintext, "plaintext");
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            try {
                Cipher cipher = Cipher.getInstance(TRANSFORMATION);
                cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData.bytes());
                byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.allocate(HEADER_BYTES + encrypted.length)
                        .put(FORMAT_VERSION)
                        .put(HexFormat.of().parseHex(key.id()))
                        .put(nonce)
                        .put(encrypted)
                        .array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM is part of every Java 17 platform", e);
            }
        }
    }
}
