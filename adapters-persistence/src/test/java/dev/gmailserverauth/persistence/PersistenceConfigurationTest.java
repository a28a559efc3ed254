package dev.gmailserverauth.persistence;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceConfigurationTest {
    @TempDir
    Path folder;

    @Test
    void anUnsupportedJdbcUrlIsRejectedByName() {
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of("jdbc:mysql://localhost/db?password=secret")))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("unsupported JDBC URL jdbc:mysql://localhost/db")
                .hasMessageNotContaining("secret");
    }

    @Test
    void anInMemorySqliteDatabaseIsRejected() {
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of("jdbc:sqlite::memory:")))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("names no database file");
    }

    @Test
    void createsTheMissingFolderOfTheSqliteDatabase() {
        Path database = folder.resolve("nested/deeper/store.db");
        try (Database persistence = Database.open(PersistenceConfig.of("jdbc:sqlite:" + database))) {
            assertThat(persistence.isHealthy()).isTrue();
        }
        assertThat(database).exists();
    }

    @Test
    void aSqlitePathThatCannotBeCreatedIsAClearError() throws Exception {
        Path notAFolder = Files.createFile(folder.resolve("plain-file"));
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of("jdbc:sqlite:" + notAFolder.resolve("store.db"))))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("cannot create the folder " + notAFolder);
    }

    @Test
    void postgresWithoutAConfiguredKeyIsAClearError() {
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of("jdbc:postgresql://127.0.0.1:1/db")))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("PostgreSQL needs an encryption key");
    }

    @Test
    void anUnreachablePostgresIsAClearError() {
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of("jdbc:postgresql://127.0.0.1:1/db?connectTimeout=2").withEncryptionKey(TestKeys.KEY)))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("cannot connect to the database jdbc:postgresql://127.0.0.1:1/db");
    }

    @Test
    void aKeyOfTheWrongLengthIsAClearErrorThatDoesNotShowTheKey() {
        String shortKey = "c2hvcnQta2V5";
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of("jdbc:sqlite:" + folder.resolve("store.db")).withEncryptionKey(shortKey)))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("must be 32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void aDatabaseWithANewerSchemaIsRefused() {
        SqliteFiles files = new SqliteFiles(folder.resolve("store.db"));
        try (Database persistence = Database.open(PersistenceConfig.of(files.jdbcUrl()))) {
            persistence.credentials().save(credential("alice", Instant.now()));
        }
        files.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 0, 1)
                """);
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of(files.jdbcUrl())))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("has schema version 99, newer than this application knows (up to " + latestMigration() + ")");
    }

    /** The newest schema version this code ships, read from its SQLite migration scripts. */
    private static int latestMigration() {
        try (var scripts = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration/sqlite"))) {
            return scripts.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void isHealthyWhileOpenAndNotAfterClose() {
        Database persistence = Database.open(PersistenceConfig.of("jdbc:sqlite:" + folder.resolve("store.db")));
        assertThat(persistence.isHealthy()).isTrue();
        persistence.close();
        assertThat(persistence.isHealthy()).isFalse();
    }

    @Test
    void configurationNeverPrintsSecrets() {
        PersistenceConfig config = PersistenceConfig.of("jdbc:postgresql://db/app?password=hunter2")
                .withCredentials("app", "s3cret").withEncryptionKey(TestKeys.KEY);
        assertThat(config.toString()).contains("jdbc:postgresql://db/app", "app")
                .doesNotContain("hunter2", "s3cret", TestKeys.KEY);
        assertThat(config.maxPoolSize()).isEqualTo(PersistenceConfig.DEFAULT_POOL_SIZE);
    }
}
