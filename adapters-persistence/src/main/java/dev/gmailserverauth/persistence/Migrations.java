package dev.gmailserverauth.persistence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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

    static Flyway flyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .load();
    }

    static void migrate(DataSource dataSource, Dialect dialect, PersistenceConfig config) {
        migrate(flyway(dataSource, dialect), dialect, config);
    }

    /** Where the schema stands, without changing it. */
    static SchemaStatus status(Flyway flyway, PersistenceConfig config) {
        try {
            MigrationInfoService info = flyway.info();
            List<SchemaStatus.Migration> migrations = Arrays.stream(info.all())
                    .filter(m -> m.getVersion() != null)
                    .map(m -> new SchemaStatus.Migration(m.getVersion().getVersion(), m.getDescription(), stateOf(m.getState()),
                            Optional.ofNullable(m.getInstalledOn()).map(java.util.Date::toInstant)))
                    .toList();
            Optional<String> current = Optional.ofNullable(info.current()).map(m -> m.getVersion().getVersion());
            String latestKnown = Arrays.stream(info.all())
                    .filter(m -> m.getVersion() != null && !FROM_THE_FUTURE.contains(m.getState()))
                    .map(m -> m.getVersion().getVersion())
                    .reduce((first, second) -> second).orElse("none");
            return new SchemaStatus(current, latestKnown, migrations);
        } catch (FlywayException e) {
            throw new PersistenceConfigurationException("reading the schema of " + config.redactedJdbcUrl() + " failed: " + e.getMessage(), e);
        }
    }

    private static SchemaStatus.State stateOf(MigrationState state) {
        if (FROM_THE_FUTURE.contains(state)) return SchemaStatus.State.NEWER_UNKNOWN;
        if (state.isFailed()) return SchemaStatus.State.FAILED;
        return state.isApplied() ? SchemaStatus.State.APPLIED : SchemaStatus.State.PENDING;
    }

    static void migrate(Flyway flyway, Dialect dialect, PersistenceConfig config) {
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
