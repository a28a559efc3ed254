package dev.gmailserverauth.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds the Hikari pools, with the per-connection settings each dialect needs. */
final class ConnectionPools {
    /** How long a SQLite writer waits for another writer before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;
    /** Connections for advisory locks held during a refresh (PostgreSQL). */
    static final int LOCK_POOL_SIZE = 4;
    /** Hikari's smallest borrow timeout. */
    static final long LOCK_BORROW_TIMEOUT_MILLIS = 250;

    private ConnectionPools() {
    }

    static HikariDataSource sqlite(PersistenceConfig config, Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit is on disk when save() returns, even across a power loss; a lost refresh token
        // costs the user a new consent, which is dearer than an fsync.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        sqlite.enforceForeignKeys(true);
        // Transactions take the write lock up front, so the busy timeout applies instead of failing on upgrade.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(Dialect.SQLITE.urlPrefix() + file);

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("sqlite");
        hikari.setDataSource(dataSource);
        hikari.setMaximumPoolSize(config.maxPoolSize());
        SqliteNativeLibrary.prepare();
        try {
            return start(hikari, config);
        } finally {
            SqliteNativeLibrary.loaded();
        }
    }

    static HikariDataSource postgres(PersistenceConfig config, String poolName, int size) {
        return start(postgresConfig(config, poolName, size), config);
    }

    /** The pool of advisory-lock holders: a short borrow timeout, since a waiter polls until its own deadline. */
    static HikariDataSource postgresLocks(PersistenceConfig config) {
        HikariConfig hikari = postgresConfig(config, "postgresql-refresh-locks", Math.max(LOCK_POOL_SIZE, config.maxPoolSize()));
        hikari.setConnectionTimeout(LOCK_BORROW_TIMEOUT_MILLIS);
        return start(hikari, config);
    }

    private static HikariConfig postgresConfig(PersistenceConfig config, String poolName, int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(config.jdbcUrl());
        config.username().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(Math.min(size, 1));
        return hikari;
    }

    private static HikariDataSource start(HikariConfig hikari, PersistenceConfig config) {
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new PersistenceConfigurationException("cannot connect to the database " + config.redactedJdbcUrl()
                    + ": " + cause.getMessage(), e);
        }
    }
}
