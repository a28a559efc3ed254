package dev.gmailserverauth.persistence;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static dev.gmailserverauth.domain.fake.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.error.StorageException;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEncryptionAtRestTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;

    private SqliteFiles files() {
        return new SqliteFiles(folder.resolve("store.db"));
    }

    private Database open() {
        return Database.open(PersistenceConfig.of(files().jdbcUrl()));
    }

    @Test
    void equalTokensGiveDifferentCiphertexts() {
        try (Database persistence = open()) {
            StoredCredential alice = credential("alice", NOW);
            StoredCredential bob = new StoredCredential(new UserId("bob"), alice.email(), alice.refreshToken(), alice.accessToken(),
                    alice.grantedScopes(), alice.createdAt(), alice.updatedAt());
            persistence.credentials().save(alice);
            byte[] first = refreshTokenCiphertext("alice");
            persistence.credentials().save(alice);
            persistence.credentials().save(bob);

            assertThat(refreshTokenCiphertext("alice")).isNotEqualTo(first);
            assertThat(refreshTokenCiphertext("bob")).isNotEqualTo(first).isNotEqualTo(refreshTokenCiphertext("alice"));
            assertThat(persistence.credentials().findByUserId(new UserId("bob"))).contains(bob);
        }
    }

    @Test
    void aTamperedCiphertextFailsWithAStorageExceptionNamingTheValue() {
        try (Database persistence = open()) {
            persistence.credentials().save(credential("alice", NOW));
            byte[] sealed = refreshTokenCiphertext("alice");
            sealed[sealed.length - 5] ^= 0x01;
            files().execute("UPDATE credentials SET refresh_token = ? WHERE user_id = ?", sealed, "alice");

            assertThatThrownBy(() -> persistence.credentials().findByUserId(new UserId("alice")))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("credentials.refresh_token of alice")
                    .hasMessageContaining("altered or copied");
        }
    }

    @Test
    void tokensCopiedToAnotherUserDoNotDecrypt() {
        try (Database persistence = open()) {
            persistence.credentials().save(credential("alice", NOW));
            persistence.credentials().save(credential("mallory", NOW));
            files().execute("UPDATE credentials SET refresh_token = ?, access_token = ? WHERE user_id = ?",
                    refreshTokenCiphertext("alice"), files().readBlob("SELECT access_token FROM credentials WHERE user_id = ?", "alice"), "mallory");

            assertThatThrownBy(() -> persistence.credentials().findByUserId(new UserId("mallory")))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("of mallory");
            assertThat(persistence.credentials().findByUserId(new UserId("alice"))).isPresent();
        }
    }

    @Test
    void aVerifierCopiedToAnotherStateDoesNotDecrypt() {
        try (Database persistence = open()) {
            PendingAuthorization first = pending(NOW);
            PendingAuthorization second = pending(NOW);
            persistence.pendingAuthorizations().put(first);
            persistence.pendingAuthorizations().put(second);
            byte[] firstVerifier = files().readBlob("SELECT verifier FROM pending_authorizations WHERE state = ?", first.state().value());
            files().execute("UPDATE pending_authorizations SET verifier = ? WHERE state = ?", firstVerifier, second.state().value());

            assertThatThrownBy(() -> persistence.pendingAuthorizations().take(second.state()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("pending_authorizations.verifier");
        }
    }

    @Test
    void noTokenOrVerifierIsReadableInTheDatabaseWalOrShmFiles() {
        List<String> secrets = new ArrayList<>();
        try (Database persistence = open()) {
            for (int i = 0; i < 20; i++) {
                StoredCredential saved = credential("user" + i, NOW);
                persistence.credentials().save(saved);
                secrets.add(saved.refreshToken().value());
                secrets.add(saved.accessToken().orElseThrow().token().value());
                PendingAuthorization pending = pending(NOW);
                persistence.pendingAuthorizations().put(pending);
                secrets.add(pending.verifier().value());
            }
            assertThat(files().filesOnDisk()).extracting(path -> path.getFileName().toString()).contains("store.db", "store.db-wal");
            assertThat(files().anyFileContains("user7@example.com")).as("the search finds what is stored in clear").isTrue();
            assertThat(secrets).noneMatch(files()::anyFileContains);
        }
        assertThat(secrets).noneMatch(files()::anyFileContains);
    }

    @Test
    void generatesAnOwnerOnlyKeyFileOnFirstStartAndReusesIt() throws Exception {
        StoredCredential saved = credential("alice", NOW);
        try (Database persistence = open()) {
            persistence.credentials().save(saved);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().keyFile()))).isEqualTo("rw-------");
        String key = Files.readString(files().keyFile());
        try (Database persistence = open()) {
            assertThat(persistence.credentials().findByUserId(saved.userId())).contains(saved);
        }
        assertThat(Files.readString(files().keyFile())).isEqualTo(key);
    }

    @Test
    void theDatabaseAndItsWalAndShmFilesAreReadableByTheirOwnerOnly() throws Exception {
        try (Database persistence = open()) {
            persistence.credentials().save(credential("alice", NOW));
            for (String suffix : java.util.List.of("", "-wal", "-shm")) {
                Path file = folder.resolve("store.db" + suffix);
                assertThat(file).exists();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anExistingDatabaseReadableByOthersIsMadePrivateAtStart() throws Exception {
        try (Database persistence = open()) {
            persistence.credentials().save(credential("alice", NOW));
        }
        Path database = folder.resolve("store.db");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database persistence = open()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
        }
    }

    @Test
    void aWrongKeyIsAClearStartupError() {
        try (Database persistence = Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.KEY))) {
            persistence.credentials().save(credential("alice", NOW));
        }
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.OTHER_KEY)))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("not the key this database was written with")
                .hasMessageContaining(EncryptionKey.fromBase64(TestKeys.KEY).id())
                .hasMessageNotContaining(TestKeys.OTHER_KEY);
    }

    @Test
    void aLostKeyFileIsAClearStartupErrorAndNoNewKeyIsMade() throws Exception {
        try (Database persistence = open()) {
            persistence.credentials().save(credential("alice", NOW));
        }
        Files.delete(files().keyFile());
        assertThatThrownBy(this::open)
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("key file")
                .hasMessageContaining("is missing");
        assertThat(files().keyFile()).doesNotExist();
    }

    @Test
    void rotationReEncryptsEveryRowAndTheKeyFileKeepsOnlyTheNewKey() throws Exception {
        List<StoredCredential> saved = new ArrayList<>();
        List<PendingAuthorization> pendings = new ArrayList<>();
        String newKey = EncryptionKey.generate().toBase64();
        try (Database persistence = open()) {
            String oldKeyId = keyIds().get(0);
            for (int i = 0; i < 30; i++) {
                saved.add(credential("user" + i, NOW));
                persistence.credentials().save(saved.get(i));
            }
            for (int i = 0; i < 5; i++) {
                pendings.add(pending(NOW));
                persistence.pendingAuthorizations().put(pendings.get(i));
            }

            assertThat(persistence.rotateEncryptionKey(newKey).reencrypted()).containsEntry("credentials", 30).containsEntry("pending_authorizations", 5);

            assertThat(keyIds()).containsExactly(EncryptionKey.fromBase64(newKey).id()).doesNotContain(oldKeyId);
            assertThat(files().strings("SELECT DISTINCT key_id FROM credentials")).containsExactly(EncryptionKey.fromBase64(newKey).id());
            for (StoredCredential credential : saved) {
                assertThat(persistence.credentials().findByUserId(credential.userId())).contains(credential);
            }
        }
        assertThat(Files.readString(files().keyFile())).contains(newKey);
        try (Database reopened = open()) {
            for (StoredCredential credential : saved) {
                assertThat(reopened.credentials().findByUserId(credential.userId())).contains(credential);
            }
            for (PendingAuthorization pending : pendings) {
                assertThat(reopened.pendingAuthorizations().take(pending.state())).contains(pending);
            }
        }
    }

    @Test
    void afterRotatingAConfiguredKeyOnlyTheNewKeyOpensTheDatabase() {
        StoredCredential saved = credential("alice", NOW);
        try (Database persistence = Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.KEY))) {
            persistence.credentials().save(saved);
            persistence.rotateEncryptionKey(TestKeys.OTHER_KEY);
            StoredCredential refreshed = new StoredCredential(saved.userId(), saved.email(), new RefreshToken("1//after-rotation"),
                    Optional.empty(), saved.grantedScopes(), saved.createdAt(), saved.updatedAt());
            persistence.credentials().save(refreshed);
            assertThat(persistence.credentials().findByUserId(saved.userId())).contains(refreshed);
        }
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.KEY)))
                .isInstanceOf(PersistenceConfigurationException.class);
        try (Database reopened = Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.OTHER_KEY))) {
            assertThat(reopened.credentials().findByUserId(saved.userId())).map(StoredCredential::refreshToken)
                    .contains(new RefreshToken("1//after-rotation"));
        }
    }

    @Test
    void bothKeysConfiguredReadRowsWrittenUnderEither() {
        StoredCredential alice = credential("alice", NOW);
        StoredCredential bob = credential("bob", NOW);
        try (Database old = Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.KEY))) {
            old.credentials().save(alice);
        }
        try (Database both = Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.OTHER_KEY + "," + TestKeys.KEY))) {
            both.credentials().save(bob);
            assertThat(both.credentials().findByUserId(alice.userId())).contains(alice);
            assertThat(both.credentials().findByUserId(bob.userId())).contains(bob);
        }
    }

    private byte[] refreshTokenCiphertext(String userId) {
        return files().readBlob("SELECT refresh_token FROM credentials WHERE user_id = ?", userId);
    }

    private List<String> keyIds() {
        return files().strings("SELECT key_id FROM encryption_keys");
    }
}
