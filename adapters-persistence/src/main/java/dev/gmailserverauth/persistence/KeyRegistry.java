package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.error.StorageException;
import dev.gmailserverauth.persistence.crypto.AssociatedData;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.crypto.Keyring;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.SealedRows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code encryption_keys} table: every key that sealed a value in this database, each with a check
 * value sealed by it. Every sealed row references its key there (a foreign key), so the table always
 * tells which keys the data needs, and a wrong key is caught at start, before any row is touched.
 */
final class KeyRegistry {
    private static final String CHECK_PLAINTEXT = "gmail-server-auth key check";
    private static final String CHECK_FIELD = "encryption_keys.key_check";

    private final Jdbc jdbc;
    private final TokenCipher cipher;
    private final List<SealedRows> stores;

    KeyRegistry(Jdbc jdbc, TokenCipher cipher, List<SealedRows> stores) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.stores = List.copyOf(stores);
    }

    static boolean holdsAnyKey(Jdbc jdbc) {
        return !jdbc.query("reading the recorded encryption keys", "SELECT key_id FROM encryption_keys", statement -> { },
                row -> row.getString(1)).isEmpty();
    }

    /**
     * Fails when the keyring cannot read what the database holds; records the current key otherwise (the one
     * this instance writes with). Keys that are only read are never recorded again: a key a rotation forgot
     * stays forgotten, and the newest recorded key is the one instances last began to write with.
     */
    void verifyAndRecord(Keyring keyring, String source) {
        Map<String, byte[]> recorded = recordedChecks();
        for (EncryptionKey key : keyring.readable()) {
            byte[] check = recorded.get(key.id());
            if (check != null) proveKey(key, check, source);
        }
        Set<String> missing = keyIdsInUse();
        missing.removeAll(keyring.ids());
        if (!missing.isEmpty()) {
            throw new PersistenceConfigurationException("the database holds tokens encrypted with key(s) " + missing
                    + ", but " + source + " has key(s) " + keyring.ids() + ": this is not the key this database was written with"
                    + " (or a key rotation is unfinished: give the old key too). Refusing to start rather than lose tokens.");
        }
        if (!recorded.isEmpty() && recorded.keySet().stream().noneMatch(keyring.ids()::contains)) {
            throw new PersistenceConfigurationException("the database was set up with encryption key(s) " + recorded.keySet()
                    + ", but " + source + " has key(s) " + keyring.ids() + ": this is not the key of this database");
        }
        record(keyring.current());
    }

    /** Records a key (idempotent), so that rows may reference it. */
    void record(EncryptionKey key) {
        byte[] check = cipher.sealerFor(key).seal(CHECK_PLAINTEXT, checkData(key.id()));
        jdbc.update("recording encryption key " + key.id(),
                "INSERT INTO encryption_keys (key_id, key_check, created_at) VALUES (?, ?, ?) ON CONFLICT (key_id) DO NOTHING",
                statement -> {
                    statement.setString(1, key.id());
                    statement.setBytes(2, check);
                    statement.setLong(3, Instant.now().toEpochMilli());
                });
    }

    /**
     * Forgets every key but {@code keep} that no row references any more; returns the ids still
     * recorded. The foreign keys make this safe against a row written meanwhile with an old key.
     */
    Set<String> forgetUnusedBut(String keep) {
        Set<String> remaining = new LinkedHashSet<>(List.of(keep));
        for (String id : recordedChecks().keySet()) {
            if (id.equals(keep)) continue;
            try {
                jdbc.update("forgetting encryption key " + id, "DELETE FROM encryption_keys WHERE key_id = ?",
                        statement -> statement.setString(1, id));
            } catch (StorageException stillReferenced) {
                remaining.add(id);
            }
        }
        return remaining;
    }

    private void proveKey(EncryptionKey key, byte[] check, String source) {
        try {
            if (!CHECK_PLAINTEXT.equals(cipher.open(check, checkData(key.id())))) {
                throw new PersistenceConfigurationException("the check value of encryption key " + key.id() + " is wrong");
            }
        } catch (StorageException e) {
            throw new PersistenceConfigurationException("encryption key " + key.id() + " from " + source
                    + " does not open its check value in the database: wrong key or tampered table (" + e.getMessage() + ")", e);
        }
    }

    private Map<String, byte[]> recordedChecks() {
        Map<String, byte[]> checks = new LinkedHashMap<>();
        jdbc.query("reading the recorded encryption keys", "SELECT key_id, key_check FROM encryption_keys ORDER BY created_at",
                statement -> { }, row -> checks.put(row.getString(1), row.getBytes(2)));
        return checks;
    }

    /** The ids of the recorded keys, oldest first. */
    List<String> recordedKeyIds() {
        return List.copyOf(recordedChecks().keySet());
    }

    /** Rows per key id, by table. */
    Map<String, Map<String, Integer>> rowsByTableAndKey() {
        Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
        stores.forEach(store -> rows.put(store.table(), store.rowsByKey()));
        return rows;
    }

    private Set<String> keyIdsInUse() {
        Set<String> inUse = new LinkedHashSet<>();
        stores.forEach(store -> inUse.addAll(store.rowsByKey().keySet()));
        return inUse;
    }

    private static AssociatedData checkData(String keyId) {
        return new AssociatedData(CHECK_FIELD, keyId);
    }
}
