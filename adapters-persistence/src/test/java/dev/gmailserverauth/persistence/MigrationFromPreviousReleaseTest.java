package dev.gmailserverauth.persistence;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionKey;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the release before people and linked accounts migrates with nothing lost: every stored
 * credential becomes a person with that one account, every session stays valid and belongs to that person, and
 * credentials and history read as before. On SQLite and on PostgreSQL.
 */
class MigrationFromPreviousReleaseTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path folder;

    @Test
    void sqliteDatabaseOfThePreviousReleaseKeepsEveryPersonsAccountSessionAndHistory() {
        PersistenceConfig config = PersistenceConfig.of("jdbc:sqlite:" + folder.resolve("old.db")).withEncryptionKey(TestKeys.KEY);
        try (HikariDataSource pool = ConnectionPools.sqlite(config, SqliteFile.prepare(config))) {
            fill(PreviousRelease.create(pool, Dialect.SQLITE, TestKeys.KEY));
        }
        checkMigrated(config);
    }

    @Test
    void postgresDatabaseOfThePreviousReleaseKeepsEveryPersonsAccountSessionAndHistory() {
        PersistenceConfig config = PersistenceConfig.of(POSTGRES.newDatabaseUrl()).withEncryptionKey(TestKeys.KEY);
        try (HikariDataSource pool = ConnectionPools.postgres(config, "previous-release", 2)) {
            fill(PreviousRelease.create(pool, Dialect.POSTGRESQL, TestKeys.KEY));
        }
        checkMigrated(config);
    }

    private final StoredCredential alice = credential("alice", NOW.minusSeconds(86_400));
    private final StoredCredential bob = credential("bob", NOW.minusSeconds(3_600));

    private void fill(PreviousRelease old) {
        old.credential(alice);
        old.credential(bob);
        old.history(alice, HistoryEntry.of(alice.createdAt(), HistoryEntry.Kind.CONNECTED));
        old.history(bob, HistoryEntry.of(bob.createdAt(), HistoryEntry.Kind.CONNECTED));
        old.session("a".repeat(64), "alice", NOW.minusSeconds(600), NOW.plusSeconds(86_400));
        old.session("c".repeat(64), "alice", NOW.minusSeconds(60), NOW.plusSeconds(86_400));
        old.session("b".repeat(64), "bob", NOW.minusSeconds(600), NOW.plusSeconds(86_400));
        // A session whose grant had already ended (its credential is gone): it stays valid too.
        old.session("d".repeat(64), "carol", NOW.minusSeconds(600), NOW.plusSeconds(86_400));
    }

    private void checkMigrated(PersistenceConfig config) {
        try (Database migrated = Database.open(config)) {
            assertThat(migrated.schema().current()).hasValueSatisfying(version -> assertThat(Integer.parseInt(version)).isGreaterThanOrEqualTo(16));

            LinkedAccount alices = migrated.linkedAccounts().find(alice.userId()).orElseThrow();
            LinkedAccount bobs = migrated.linkedAccounts().find(bob.userId()).orElseThrow();
            assertThat(alices.person()).as("one person each").isNotEqualTo(bobs.person());
            assertThat(migrated.linkedAccounts().accountsOf(alices.person())).containsExactly(alices);
            assertThat(migrated.linkedAccounts().accountsOf(bobs.person())).containsExactly(bobs);
            assertThat(alices.email()).isEqualTo(alice.email());
            assertThat(alices.linkedAt()).isEqualTo(alice.createdAt());

            WebSession first = migrated.sessions().find(new SessionKey("a".repeat(64))).orElseThrow();
            WebSession second = migrated.sessions().find(new SessionKey("c".repeat(64))).orElseThrow();
            WebSession bobsSession = migrated.sessions().find(new SessionKey("b".repeat(64))).orElseThrow();
            assertThat(List.of(first.person(), second.person())).containsOnly(alices.person());
            assertThat(first.userId()).isEqualTo(alice.userId());
            assertThat(bobsSession.person()).isEqualTo(bobs.person());
            WebSession carols = migrated.sessions().find(new SessionKey("d".repeat(64))).orElseThrow();
            assertThat(migrated.linkedAccounts().accountsOf(carols.person())).extracting(LinkedAccount::account)
                    .containsExactly(new UserId("carol"));

            assertThat(migrated.credentials().findByUserId(alice.userId())).contains(alice);
            assertThat(migrated.credentials().findByUserId(bob.userId())).contains(bob);
            assertThat(migrated.accountHistory().latest(alice.userId(), 10)).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.CONNECTED);

            Set<PersonId> people = migrated.linkedAccounts().all().stream().map(LinkedAccount::person).collect(Collectors.toSet());
            assertThat(people).hasSize(3);
            assertThat(migrated.sessions().deleteAllOf(alices.person())).as("both of alice's sessions are hers").isEqualTo(2);
        }
    }
}
