package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.persistence.crypto.Keyring;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.JdbcAccountHistory;
import dev.gmailserverauth.persistence.store.JdbcCredentialRepository;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A database as the release before people and linked accounts left it: Flyway's migrations up to
 * {@link #VERSION} only, holding credentials sealed with the configured key, sessions and history. The rows are
 * written with the stores of that schema (credentials and history did not change since) and, for sessions,
 * with that schema's SQL.
 */
final class PreviousRelease {
    /** The newest schema version of the previous release. */
    static final String VERSION = "4";

    private final Jdbc jdbc;
    private final TokenCipher cipher;

    private PreviousRelease(Jdbc jdbc, TokenCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Migrates the database behind {@code dataSource} to {@link #VERSION} and records the configured key. */
    static PreviousRelease create(DataSource dataSource, Dialect dialect, String base64Key) {
        Flyway.configure(PreviousRelease.class.getClassLoader()).dataSource(dataSource).locations(dialect.migrationLocation())
                .target(VERSION).load().migrate();
        Jdbc jdbc = new Jdbc(dataSource);
        Keyring keyring = ConfiguredKeys.parse(base64Key).load(false);
        TokenCipher cipher = new TokenCipher(keyring);
        new KeyRegistry(jdbc, cipher, List.of()).verifyAndRecord(keyring, "the test's key");
        return new PreviousRelease(jdbc, cipher);
    }

    void credential(StoredCredential credential) {
        new JdbcCredentialRepository(jdbc, cipher).save(credential);
    }

    void history(StoredCredential credential, HistoryEntry entry) {
        new JdbcAccountHistory(jdbc).append(credential.userId(), entry);
    }

    /** A session as that release stored it: no person, the Google account's id. */
    void session(String sessionKey, String userId, Instant createdAt, Instant expiresAt) {
        jdbc.update("storing an old session", "INSERT INTO web_sessions (session_key, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, sessionKey);
                    statement.setString(2, userId);
                    statement.setLong(3, createdAt.toEpochMilli());
                    statement.setLong(4, createdAt.toEpochMilli());
                    statement.setLong(5, expiresAt.toEpochMilli());
                });
    }
}
