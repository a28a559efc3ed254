package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.error.StorageException;
import dev.gmailserverauth.persistence.crypto.AssociatedData;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.SealedRows;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code key_canary} table: one known value sealed like a token. Readiness opens it with the keys this
 * instance holds; a rotation re-encrypts it with every other row, so an instance that lacks the key the
 * data moved to stops being ready instead of failing its users one by one.
 */
final class KeyCanary implements SealedRows {
    private static final String PLAINTEXT = "gmail-server-auth readiness canary";
    private static final AssociatedData DATA = new AssociatedData("key_canary.sealed", "1");
    private static final String INSERT = "INSERT INTO key_canary (id, sealed, key_id, written_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    private static final String SELECT = "SELECT sealed FROM key_canary WHERE id = 1";
    private static final String NOT_UNDER_KEY = "SELECT sealed FROM key_canary WHERE key_id <> ?";
    private static final String REENCRYPT = "UPDATE key_canary SET sealed = ?, key_id = ?, written_at = ? WHERE id = 1 AND sealed = ?";

    private final Jdbc jdbc;
    private final TokenCipher cipher;

    KeyCanary(Jdbc jdbc, TokenCipher cipher) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** Writes the canary with the current key unless there is one (another instance may have written it). */
    void ensure() {
        TokenCipher.Sealer sealer = cipher.sealer();
        byte[] sealed = sealer.seal(PLAINTEXT, DATA);
        jdbc.update("writing the key canary", INSERT, statement -> {
            statement.setBytes(1, sealed);
            statement.setString(2, sealer.keyId());
            statement.setLong(3, Instant.now().toEpochMilli());
        });
    }

    /** True when the canary is there and this instance's keys open it. */
    boolean opens() {
        try {
            Optional<byte[]> sealed = jdbc.queryOne("reading the key canary", SELECT, statement -> { }, row -> row.getBytes(1));
            return sealed.isPresent() && PLAINTEXT.equals(cipher.open(sealed.get(), DATA));
        } catch (StorageException e) {
            return false;
        }
    }

    @Override
    public String table() {
        return "key_canary";
    }

    @Override
    public Map<String, Integer> rowsByKey() {
        return jdbc.countsByKey("counting the key canary by key", "SELECT key_id, COUNT(*) FROM key_canary GROUP BY key_id");
    }

    @Override
    public int reencrypt(TokenCipher.Sealer sealer, int limit) {
        Optional<byte[]> old = jdbc.queryOne("reading the key canary to re-encrypt", NOT_UNDER_KEY,
                statement -> statement.setString(1, sealer.keyId()), row -> row.getBytes(1));
        if (old.isEmpty()) return 0;
        byte[] sealed = sealer.seal(cipher.open(old.get(), DATA), DATA);
        return jdbc.update("re-encrypting the key canary", REENCRYPT, statement -> {
            statement.setBytes(1, sealed);
            statement.setString(2, sealer.keyId());
            statement.setLong(3, Instant.now().toEpochMilli());
            statement.setBytes(4, old.get());
        });
    }
}
