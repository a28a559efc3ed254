package dev.gmailserverauth.persistence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with Flyway, and refuses a database whose schema is newer than this code. */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Set<MigrationState> FROM_THE_FUTURE = EnumSet.of(MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED);

    private Migrations() {
    }

    static void migrate(DataSource dataSource, Dialect dialect, PersistenceConfig config) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .load();
        try {
            rejectNewerSchema(flyway.info(), config);
            MigrateResult result = flyway.migrate();
            LOG.info("{} schema of {} is at version {} ({} migration(s) applied at this start)",
                    dialect, config.redactedJdbcUrl(), result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new PersistenceConfigurationException("migrating the schema of " + config.redactedJdbcUrl() + " failed: " + e.getMessage(), e);
        }
    }

    private static void rejectNewerSchema(MigrationInfoService info, PersistenceConfig config) {
        MigrationInfo[] unknown = Arrays.stream(info.all()).filter(m -> FROM_THE_FUTURE.contains(m.getState())).toArray(MigrationInfo[]::new);
        if (unknown.length == 0) return;
        String latestKnown = Arrays.stream(info.all())
                .filter(m -> m.getState() != null && !FROM_THE_FUTURE.contains(m.getState()) && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .reduce((first, second) -> second).orElse("none");
        throw new PersistenceConfigurationException("the database " + config.redactedJdbcUrl() + " has schema version "
                + unknown[unknown.length - 1].getVersion() + ", newer than this application knows (up to " + latestKnown
                + "): run a newer version of the application, or restore a backup made for this one");
    }
}
