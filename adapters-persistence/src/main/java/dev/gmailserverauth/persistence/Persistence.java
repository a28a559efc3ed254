package dev.gmailserverauth.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.RefreshLock;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.SignInHolds;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.crypto.Keyring;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.JdbcAccountHistory;
import dev.gmailserverauth.persistence.store.JdbcCredentialRepository;
import dev.gmailserverauth.persistence.store.JdbcPendingAuthorizationStore;
import dev.gmailserverauth.persistence.store.JdbcSeenSecurityEvents;
import dev.gmailserverauth.persistence.store.JdbcSessionRepository;
import dev.gmailserverauth.persistence.store.JdbcSignInHolds;
import dev.gmailserverauth.persistence.store.PostgresRefreshLock;
import dev.gmailserverauth.persistence.store.SqliteRefreshLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter, ready to use: the one thing bootstrap builds. {@link #open} sets up the
 * connection pool, migrates the schema, loads (or, for SQLite, generates) the encryption key and proves
 * it against the database; the accessors hand out the driven ports.
 */
public final class Persistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);

    private final List<HikariDataSource> pools;
    private final HikariDataSource mainPool;
    private final CredentialRepository credentials;
    private final PendingAuthorizationStore pendingAuthorizations;
    private final SessionRepository sessions;
    private final RefreshLock refreshLock;
    private final SeenSecurityEvents seenSecurityEvents;
    private final AccountHistory accountHistory;
    private final SignInHolds signInHolds;
    private final KeyRotation keyRotation;

    private Persistence(List<HikariDataSource> pools, TokenCipher cipher, KeyRegistry registry, KeySource keySource, RefreshLock refreshLock) {
        this.pools = List.copyOf(pools);
        this.mainPool = pools.get(0);
        Jdbc jdbc = new Jdbc(mainPool);
        this.credentials = new JdbcCredentialRepository(jdbc, cipher);
        this.pendingAuthorizations = new JdbcPendingAuthorizationStore(jdbc, cipher);
        this.sessions = new JdbcSessionRepository(jdbc);
        this.refreshLock = refreshLock;
        this.seenSecurityEvents = new JdbcSeenSecurityEvents(jdbc);
        this.accountHistory = new JdbcAccountHistory(jdbc);
        this.signInHolds = new JdbcSignInHolds(jdbc);
        this.keyRotation = new KeyRotation(jdbc, cipher, registry, keySource);
    }

    /**
     * Opens the store described by {@code config}.
     *
     * @throws PersistenceConfigurationException when it cannot start as configured; the message says why
     */
    public static Persistence open(PersistenceConfig config) {
        Objects.requireNonNull(config, "config");
        Dialect dialect = Dialect.of(config);
        return dialect == Dialect.SQLITE ? openSqlite(config) : openPostgres(config);
    }

    private static Persistence openSqlite(PersistenceConfig config) {
        Path file = SqliteFile.prepare(config);
        KeySource keySource = config.encryptionKeyBase64().<KeySource>map(ConfiguredKeys::parse).orElseGet(() -> KeyFile.besideDatabase(file));
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            pools.add(ConnectionPools.sqlite(config, file));
            return start(config, Dialect.SQLITE, pools, keySource, new SqliteRefreshLock());
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
    }

    private static Persistence openPostgres(PersistenceConfig config) {
        KeySource keySource = ConfiguredKeys.parse(config.encryptionKeyBase64().orElseThrow(() -> new PersistenceConfigurationException(
                "PostgreSQL needs an encryption key in the configuration (base64 of 32 bytes): several instances share the"
                        + " database and must share the key, so none is generated")));
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            pools.add(ConnectionPools.postgres(config, "postgresql", config.maxPoolSize()));
            HikariDataSource lockPool = ConnectionPools.postgresLocks(config);
            pools.add(lockPool);
            return start(config, Dialect.POSTGRESQL, pools, keySource, new PostgresRefreshLock(lockPool));
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
    }

    private static Persistence start(PersistenceConfig config, Dialect dialect, List<HikariDataSource> pools, KeySource keySource,
                                     RefreshLock refreshLock) {
        HikariDataSource mainPool = pools.get(0);
        Migrations.migrate(mainPool, dialect, config);
        Jdbc jdbc = new Jdbc(mainPool);
        Keyring keyring = keySource.load(KeyRegistry.holdsAnyKey(jdbc));
        TokenCipher cipher = new TokenCipher(keyring);
        KeyRegistry registry = new KeyRegistry(jdbc, cipher);
        registry.verifyAndRecord(keyring, keySource.describe());
        RefreshTokenPrefixBackfill.run(jdbc, cipher);
        LOG.info("{} store {} open, tokens encrypted with key {} from {}", dialect, config.redactedJdbcUrl(), keyring.current().id(),
                keySource.describe());
        return new Persistence(pools, cipher, registry, keySource, refreshLock);
    }

    public CredentialRepository credentials() {
        return credentials;
    }

    public PendingAuthorizationStore pendingAuthorizations() {
        return pendingAuthorizations;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    /** The ids of security event tokens already received. */
    public SeenSecurityEvents seenSecurityEvents() {
        return seenSecurityEvents;
    }

    /** What happened to each person's grant, for their connection page. */
    public AccountHistory accountHistory() {
        return accountHistory;
    }

    /** Accounts whose sign-in is refused until Google enables them again. */
    public SignInHolds signInHolds() {
        return signInHolds;
    }

    /** In-process for SQLite (one instance), a PostgreSQL advisory lock across instances otherwise. */
    public RefreshLock refreshLock() {
        return refreshLock;
    }

    /** True when a query makes the round trip to the database. */
    public boolean isHealthy() {
        try (Connection connection = mainPool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT 1")) {
            return row.next() && row.getInt(1) == 1;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("database health check failed: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Re-encrypts every stored token with {@code newKeyBase64} while the store stays in use; returns how
     * many rows were re-encrypted. With a key file, the file is updated; with a configured key, configure
     * the new key before the next start.
     *
     * @throws IllegalArgumentException when the key is not base64 of 32 bytes
     */
    public int rotateEncryptionKey(String newKeyBase64) {
        return keyRotation.rotateTo(EncryptionKey.fromBase64(newKeyBase64));
    }

    @Override
    public void close() {
        for (int i = pools.size() - 1; i >= 0; i--) pools.get(i).close();
    }
}
