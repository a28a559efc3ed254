package dev.gmailserverauth.persistence;

import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.crypto.Keyring;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Batches;
import dev.gmailserverauth.persistence.store.SealedRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every sealed value to one key while the application keeps running.
 *
 * <p>Order matters, so that no step can leave a row unreadable: the key source learns the new key first
 * (a crash then restarts with both keys), the database records it, new writes switch to it, each store
 * re-encrypts its own rows in small batches, and only then is an old key forgotten, when no row
 * references it any more. Each store rewrites a row with a compare-and-set on its old ciphertext, so a
 * concurrent save is never overwritten with stale data.
 */
final class KeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 200;

    private final TokenCipher cipher;
    private final KeyRegistry registry;
    private final KeySource keySource;
    private final List<SealedRows> stores;

    KeyRotation(TokenCipher cipher, KeyRegistry registry, KeySource keySource, List<SealedRows> stores) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.keySource = Objects.requireNonNull(keySource, "keySource");
        this.stores = List.copyOf(stores);
    }

    synchronized KeyRotationResult rotateTo(EncryptionKey next) {
        Keyring during = cipher.keyring().rotatedTo(next);
        keySource.keep(during);
        registry.record(next);
        cipher.use(during);
        TokenCipher.Sealer sealer = cipher.sealerFor(next);
        Map<String, Integer> reencrypted = new LinkedHashMap<>();
        stores.forEach(store -> reencrypted.put(store.table(), reencryptAll(store, sealer)));
        Set<String> stillNeeded = registry.forgetUnusedBut(next.id());
        Keyring after = during.retaining(stillNeeded);
        keySource.keep(after);
        cipher.use(after);
        if (stillNeeded.size() > 1) {
            LOG.warn("key rotation to {} left rows under keys {} (written meanwhile by an instance that still encrypts with them);"
                    + " rotate again once every instance encrypts with {}", next.id(), stillNeeded, next.id());
        }
        LOG.info("rotated encryption to key {}: re-encrypted {}", next.id(), reencrypted);
        return new KeyRotationResult(next.id(), reencrypted, stillNeeded);
    }

    private static int reencryptAll(SealedRows store, TokenCipher.Sealer sealer) {
        return Batches.untilNoneChanged(() -> store.reencrypt(sealer, BATCH));
    }
}
