package dev.gmailserverauth.persistence;

import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.crypto.Keyring;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.JdbcCredentialRepository;
import dev.gmailserverauth.persistence.store.JdbcPendingAuthorizationStore;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every sealed value to a new key while the application keeps running.
 *
 * <p>Order matters, so that no step can leave a row unreadable: the key source learns the new key first
 * (a crash then restarts with both keys), the database records it, new writes switch to it, old rows are
 * re-encrypted in small batches, and only then is the old key forgotten. Each row is updated with a
 * compare-and-set on its old ciphertext, so a concurrent save is never overwritten with stale data.
 */
final class KeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 200;

    private final Jdbc jdbc;
    private final TokenCipher cipher;
    private final KeyRegistry registry;
    private final KeySource keySource;

    KeyRotation(Jdbc jdbc, TokenCipher cipher, KeyRegistry registry, KeySource keySource) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.keySource = Objects.requireNonNull(keySource, "keySource");
    }

    /** Returns how many rows were re-encrypted. */
    synchronized int rotateTo(EncryptionKey next) {
        Keyring during = cipher.keyring().rotatedTo(next);
        keySource.keep(during);
        registry.record(next);
        cipher.use(during);
        TokenCipher.Sealer sealer = cipher.sealerFor(next);
        int credentials = reencryptCredentials(sealer);
        int pending = reencryptPendingAuthorizations(sealer);
        Set<String> stillNeeded = registry.forgetUnusedBut(next.id());
        Keyring after = during.retaining(stillNeeded);
        keySource.keep(after);
        cipher.use(after);
        if (stillNeeded.size() > 1) {
            LOG.warn("key rotation to {} left rows under keys {} (written meanwhile by another instance?); rotate again", next.id(), stillNeeded);
        }
        LOG.info("rotated encryption to key {}: re-encrypted {} credential(s) and {} pending authorization(s)", next.id(), credentials, pending);
        return credentials + pending;
    }

    private int reencryptCredentials(TokenCipher.Sealer sealer) {
        record Row(String userId, byte[] refreshToken, byte[] accessToken) { }
        int total = 0;
        while (true) {
            List<Row> batch = jdbc.query("reading credentials to re-encrypt",
                    "SELECT user_id, refresh_token, access_token FROM credentials WHERE key_id <> ? ORDER BY user_id LIMIT " + BATCH,
                    statement -> statement.setString(1, sealer.keyId()),
                    row -> new Row(row.getString(1), row.getBytes(2), row.getBytes(3)));
            int done = 0;
            for (Row row : batch) {
                byte[] refresh = sealer.seal(cipher.open(row.refreshToken(), JdbcCredentialRepository.refreshTokenData(row.userId())),
                        JdbcCredentialRepository.refreshTokenData(row.userId()));
                byte[] access = row.accessToken() == null ? null
                        : sealer.seal(cipher.open(row.accessToken(), JdbcCredentialRepository.accessTokenData(row.userId())),
                                JdbcCredentialRepository.accessTokenData(row.userId()));
                done += jdbc.update("re-encrypting the credential of user " + row.userId(),
                        "UPDATE credentials SET refresh_token = ?, access_token = ?, key_id = ? WHERE user_id = ? AND refresh_token = ?",
                        statement -> {
                            statement.setBytes(1, refresh);
                            Jdbc.setNullableBytes(statement, 2, access);
                            statement.setString(3, sealer.keyId());
                            statement.setString(4, row.userId());
                            statement.setBytes(5, row.refreshToken());
                        });
            }
            total += done;
            if (batch.isEmpty() || done == 0) return total;
        }
    }

    private int reencryptPendingAuthorizations(TokenCipher.Sealer sealer) {
        record Row(String state, byte[] verifier) { }
        int total = 0;
        while (true) {
            List<Row> batch = jdbc.query("reading pending authorizations to re-encrypt",
                    "SELECT state, verifier FROM pending_authorizations WHERE key_id <> ? ORDER BY state LIMIT " + BATCH,
                    statement -> statement.setString(1, sealer.keyId()),
                    row -> new Row(row.getString(1), row.getBytes(2)));
            int done = 0;
            for (Row row : batch) {
                byte[] verifier = sealer.seal(cipher.open(row.verifier(), JdbcPendingAuthorizationStore.verifierData(row.state())),
                        JdbcPendingAuthorizationStore.verifierData(row.state()));
                done += jdbc.update("re-encrypting a pending authorization",
                        "UPDATE pending_authorizations SET verifier = ?, key_id = ? WHERE state = ? AND verifier = ?",
                        statement -> {
                            statement.setBytes(1, verifier);
                            statement.setString(2, sealer.keyId());
                            statement.setString(3, row.state());
                            statement.setBytes(4, row.verifier());
                        });
            }
            total += done;
            if (batch.isEmpty() || done == 0) return total;
        }
    }
}
