package dev.gmailserverauth.persistence;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.model.SessionKey;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.store.StoredAccount;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator does with the keys and the schema of a SQLite store, while the application runs. */
class SqliteKeyOperationsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private Path folder;
    private SqliteFiles files;

    @BeforeEach
    void newFolder() {
        folder = FreshDatabase.createTempDirectory();
        files = new SqliteFiles(folder.resolve("store.db"));
    }

    @AfterEach
    void deleteFolder() {
        FreshDatabase.deleteRecursively(folder);
    }

    private Database open() {
        return Database.open(PersistenceConfig.of(files.jdbcUrl()));
    }

    @Test
    void aRunningInstanceReadsRowsThatAnotherProcessRotatedToANewKeyFileKey() {
        try (Database server = open()) {
            StoredCredential saved = credential("alice", NOW);
            server.credentials().save(saved);
            String newKey = EncryptionKey.generate().toBase64();
            try (Database operator = open()) {
                KeyRotationResult result = operator.rotateEncryptionKey(newKey);
                assertThat(result.complete()).isTrue();
                assertThat(result.reencrypted()).containsEntry("credentials", 1).containsEntry("key_canary", 1);
            }

            assertThat(server.credentials().findByUserId(saved.userId())).contains(saved);
            assertThat(server.keyStatus().currentKeyId()).as("the server took the key file's new key up").isEqualTo(EncryptionKey.fromBase64(newKey).id());
            assertThat(server.keysOpenTheData()).isTrue();
        }
    }

    @Test
    void keyStatusCountsRowsPerKeyAndAConfiguredNewKeyFinishesTheRotation() {
        try (Database old = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.KEY))) {
            for (int i = 0; i < 3; i++) old.credentials().save(credential("user" + i, NOW));
        }
        String keyId = EncryptionKey.fromBase64(TestKeys.KEY).id();
        String otherId = EncryptionKey.fromBase64(TestKeys.OTHER_KEY).id();
        try (Database both = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.OTHER_KEY + "," + TestKeys.KEY))) {
            KeyStatus before = both.keyStatus();
            assertThat(before.fromKeyFile()).isFalse();
            assertThat(before.currentKeyId()).isEqualTo(otherId);
            assertThat(before.readableKeyIds()).containsExactly(otherId, keyId);
            assertThat(before.rowsByTable().get("credentials")).containsEntry(keyId, 3);
            assertThat(before.rowsUnderOtherKeys()).isEqualTo(4);

            KeyRotationResult result = both.finishKeyRotation();

            assertThat(result.keyId()).isEqualTo(otherId);
            assertThat(result.complete()).isTrue();
            assertThat(both.keyStatus().rowsUnderOtherKeys()).isZero();
            assertThat(both.keyStatus().recordedKeyIds()).containsExactly(otherId);
        }
        try (Database reopened = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.OTHER_KEY + "," + TestKeys.KEY))) {
            assertThat(reopened.keyStatus().recordedKeyIds()).as("a forgotten key that is only read is not recorded again").containsExactly(otherId);
        }
        try (Database newOnly = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.OTHER_KEY))) {
            assertThat(newOnly.credentials().findByUserId(new UserId("user2"))).isPresent();
        }
    }

    @Test
    void anInstanceWithoutTheKeyTheDataMovedToIsNotReady() {
        try (Database both = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.KEY + "," + TestKeys.OTHER_KEY));
             Database oldOnly = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.KEY))) {
            assertThat(oldOnly.keysOpenTheData()).isTrue();

            both.rotateEncryptionKey(TestKeys.OTHER_KEY);

            assertThat(both.keysOpenTheData()).isTrue();
            assertThat(oldOnly.keysOpenTheData()).isFalse();
        }
    }

    @Test
    void whyTheRollOutHasTwoStepsAnInstanceThatDoesNotReadTheNewKeyYetCannotReadARowWrittenWithIt() {
        try (Database oldOnly = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.KEY));
             Database writesNew = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.OTHER_KEY + "," + TestKeys.KEY));
             Database readsNew = Database.open(PersistenceConfig.of(files.jdbcUrl()).withEncryptionKey(TestKeys.KEY + "," + TestKeys.OTHER_KEY))) {
            StoredCredential saved = credential("alice", NOW);
            writesNew.credentials().save(saved);

            assertThatThrownBy(() -> oldOnly.credentials().findByUserId(saved.userId()))
                    .isInstanceOf(dev.gmailserverauth.domain.error.StorageException.class)
                    .hasMessageContaining("not configured");
            assertThat(readsNew.credentials().findByUserId(saved.userId())).contains(saved);
        }
    }

    @Test
    void accountsListEveryCredentialWithoutTokensAndCountItsSessions() {
        try (Database persistence = open()) {
            persistence.credentials().save(credential("bob", NOW));
            persistence.credentials().save(credential("alice", NOW));
            persistence.sessions().save(new WebSession(new SessionKey("a".repeat(64)), new dev.gmailserverauth.domain.model.PersonId("p-alice"), new UserId("alice"), NOW, NOW, NOW.plusSeconds(3600)));
            persistence.sessions().save(new WebSession(new SessionKey("b".repeat(64)), new dev.gmailserverauth.domain.model.PersonId("p-bob"), new UserId("bob"), NOW.minusSeconds(7200), NOW, NOW.minusSeconds(1)));

            List<StoredAccount> accounts = persistence.accounts(NOW);

            assertThat(accounts).extracting(StoredAccount::userId).containsExactlyInAnyOrder("alice", "bob");
            assertThat(accounts).filteredOn(a -> a.userId().equals("alice")).singleElement()
                    .satisfies(alice -> assertThat(alice.activeSessions()).isEqualTo(1));
            assertThat(accounts.toString()).doesNotContain(credential("alice", NOW).refreshToken().value());
            assertThat(persistence.storedCredentials()).isEqualTo(2);
            assertThat(persistence.activeSessions(NOW)).isEqualTo(1);
        }
    }

    @Test
    void theSchemaIsCurrentAfterOpenAndANewerOneIsRefusedByMigrate() {
        assertThatThrownBy(() -> DatabaseSchema.inspect(PersistenceConfig.of(files.jdbcUrl())))
                .isInstanceOf(PersistenceConfigurationException.class).hasMessageContaining("no database");
        SchemaStatus migrated = DatabaseSchema.migrate(PersistenceConfig.of(files.jdbcUrl()));
        assertThat(migrated.isCurrent()).isTrue();
        assertThat(migrated.current()).contains(migrated.latestKnown());
        try (Database persistence = open()) {
            assertThat(persistence.schema().isCurrent()).isTrue();
        }

        files.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, 1)");

        SchemaStatus newer = DatabaseSchema.inspect(PersistenceConfig.of(files.jdbcUrl()));
        assertThat(newer.isCurrent()).isFalse();
        assertThat(newer.in(SchemaStatus.State.NEWER_UNKNOWN)).extracting(SchemaStatus.Migration::version).containsExactly("99");
        assertThatThrownBy(() -> DatabaseSchema.migrate(PersistenceConfig.of(files.jdbcUrl())))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("newer than this application knows");
    }
}
