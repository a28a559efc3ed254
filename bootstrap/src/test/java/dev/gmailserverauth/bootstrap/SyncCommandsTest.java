package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.Backfill;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync status} against a real SQLite file, as an operator runs it. */
class SyncCommandsTest {
    @TempDir
    Path folder;
    private Map<String, String> env;

    @BeforeEach
    void twoSyncedMailboxes() {
        env = Map.of("APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"), "APP_PORT", "0");
        assertThat(CommandRun.of(env, "db", "migrate").exitCode()).isZero();
        try (Database database = Database.open(PersistenceConfig.of(env.get("APP_DATABASE_URL")))) {
            Instant now = Instant.now();
            database.syncStates().begin(SyncState.starting(new UserId("111"), new EmailAddress("alice@example.com"), HistoryId.parse("4711"),
                    Backfill.of(0), now));
            database.syncStates().recordWatch(new UserId("111"), Optional.of(Instant.parse("2030-01-02T03:04:05Z")));
            database.syncStates().recordSynced(new UserId("111"), now, now);
            database.syncStates().recordGapFilled(new UserId("111"), "history too old: listed 3");
            database.syncStates().begin(SyncState.starting(new UserId("222"), new EmailAddress("bob@example.com"), HistoryId.parse("99"),
                    Backfill.of(1000), now));
            database.syncStates().setStatus(new UserId("222"), SyncStatus.PAUSED);
        }
    }

    @Test
    void listsEveryMailboxWithItsCheckpointWatchAndGaps() {
        CommandRun run = CommandRun.of(env, "sync", "status");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("EMAIL", "CHECKPOINT", "WATCH EXPIRES")
                .containsPattern("alice@example.com\\s+ACTIVE\\s+4711\\s+\\S+\\s+\\S+\\s+2030-01-02T03:04:05Z")
                .containsPattern("bob@example.com\\s+PAUSED \\(backfilling\\)\\s+99");
    }

    @Test
    void oneMailboxByAddressAndAClearFailureForAnUnknownOne() {
        CommandRun bob = CommandRun.of(env, "sync", "status", "--user", "BOB@example.com");
        assertThat(bob.exitCode()).isZero();
        assertThat(bob.out()).contains("bob@example.com").doesNotContain("alice@example.com");
        CommandRun nobody = CommandRun.of(env, "sync", "status", "--user", "carol@example.com");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("no sync for carol@example.com");
        assertThat(CommandRun.of(env, "sync", "status", "--user", "not an address").err()).contains("--user must be an email address");
    }
}
