package dev.gmailserverauth.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The schema on its own, for an operator: where it stands, and migrating it, without the keys or the
 * stores. {@link Database#open} migrates by itself at every start; these are for the command line.
 */
public final class DatabaseSchema {
    private DatabaseSchema() {
    }

    /** Where the schema stands; changes nothing (and creates no SQLite file). */
    public static SchemaStatus inspect(PersistenceConfig config) {
        Objects.requireNonNull(config, "config");
        Dialect dialect = Dialect.of(config);
        if (dialect == Dialect.SQLITE) {
            Path file = SqliteFile.pathOf(config);
            if (!Files.exists(file)) {
                throw new PersistenceConfigurationException("there is no database at " + file + " yet: the first start or db migrate creates it");
            }
        }
        try (HikariDataSource pool = pool(config, dialect)) {
            return Migrations.status(Migrations.flyway(pool, dialect), config);
        }
    }

    /**
     * Applies the pending migrations and returns the schema after them.
     *
     * @throws PersistenceConfigurationException when the database has a schema newer than this application
     */
    public static SchemaStatus migrate(PersistenceConfig config) {
        Objects.requireNonNull(config, "config");
        Dialect dialect = Dialect.of(config);
        try (HikariDataSource pool = pool(config, dialect)) {
            var flyway = Migrations.flyway(pool, dialect);
            Migrations.migrate(flyway, dialect, config);
            return Migrations.status(flyway, config);
        }
    }

    /** Two connections: Flyway holds one for its schema history while it works on the other (PostgreSQL). */
    private static HikariDataSource pool(PersistenceConfig config, Dialect dialect) {
        PersistenceConfig small = config.withMaxPoolSize(2);
        return dialect == Dialect.SQLITE ? ConnectionPools.sqlite(small, SqliteFile.prepare(small))
                : ConnectionPools.postgres(small, "postgresql-schema", small.maxPoolSize());
    }
}
