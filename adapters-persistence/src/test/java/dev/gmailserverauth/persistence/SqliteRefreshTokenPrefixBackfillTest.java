package dev.gmailserverauth.persistence;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.StoredCredential;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials stored before schema 3 have no prefix hash; the next start gives them one. */
class SqliteRefreshTokenPrefixBackfillTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aCredentialStoredBeforeSchemaThreeIsFoundByPrefixAfterTheNextStart() {
        SqliteFiles files = new SqliteFiles(folder.resolve("store.db"));
        StoredCredential alice = credential("alice", NOW);
        try (Database persistence = Database.open(PersistenceConfig.of(files.jdbcUrl()))) {
            persistence.credentials().save(alice);
        }
        files.execute("UPDATE credentials SET refresh_token_prefix_sha256 = NULL WHERE user_id = ?", "alice");
        try (Database persistence = Database.open(PersistenceConfig.of(files.jdbcUrl()))) {
            assertThat(persistence.credentials().findByRefreshTokenPrefix(alice.refreshToken().prefix())).containsExactly(alice);
        }
    }
}
