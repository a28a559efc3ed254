package dev.gmailserverauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.error.StorageException;
import dev.gmailserverauth.domain.model.Backfill;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subjects, senders and snippets of the index are sealed like tokens: unreadable on disk, bound to their row, rotated with the key. */
class SqliteMessageIndexSealingTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UserId ALICE = new UserId("111");

    @TempDir
    Path folder;

    private SqliteFiles files() {
        return new SqliteFiles(folder.resolve("store.db"));
    }

    private Database open() {
        return Database.open(PersistenceConfig.of(files().jdbcUrl()).withEncryptionKey(TestKeys.KEY));
    }

    private static MessageSummary summary(String id) {
        return new MessageSummary(new MessageId(id), new ThreadId(id), "Merger talks " + id, "Secret Sender <ceo" + id + "@example.com>",
                NOW, "the board meets on friday " + id, Set.of(LabelId.INBOX));
    }

    private static void index(Database persistence, String... ids) {
        SyncState state = SyncState.starting(ALICE, new EmailAddress("alice@example.com"), HistoryId.parse("10"), Backfill.of(0), NOW);
        persistence.syncStates().begin(state);
        persistence.messageIndex().apply(ALICE, List.of(ids).stream().<IndexWrite>map(id -> new IndexWrite.Put(summary(id))).toList(),
                state.progress(), state.progress());
    }

    @Test
    void noSubjectSenderOrSnippetIsReadableInTheDatabaseFiles() {
        try (Database persistence = open()) {
            index(persistence, "m1", "m2");
            assertThat(persistence.messageIndex().count(ALICE)).isEqualTo(2);
            assertThat(files().anyFileContains("alice@example.com")).as("the search finds what is stored in clear").isTrue();
            assertThat(List.of("Merger talks", "ceom1@example.com", "the board meets")).noneMatch(files()::anyFileContains);
        }
    }

    @Test
    void aSubjectCopiedToAnotherMessageDoesNotOpen() {
        try (Database persistence = open()) {
            index(persistence, "m1", "m2");
            byte[] subject = files().readBlob("SELECT subject FROM synced_messages WHERE message_id = ?", "m1");
            files().execute("UPDATE synced_messages SET subject = ? WHERE message_id = ?", subject, "m2");
            assertThatThrownBy(() -> persistence.messageIndex().list(ALICE, IndexView.ALL, Optional.empty(), PageSize.DEFAULT))
                    .isInstanceOf(StorageException.class).hasMessageContaining("synced_messages.subject");
        }
    }

    @Test
    void aKeyRotationReEncryptsTheIndexToo() {
        try (Database persistence = open()) {
            index(persistence, "m1", "m2", "m3");
            KeyRotationResult result = persistence.rotateEncryptionKey(TestKeys.OTHER_KEY);
            String newKey = EncryptionKey.fromBase64(TestKeys.OTHER_KEY).id();
            assertThat(result.reencrypted()).containsEntry("synced_messages", 3);
            assertThat(persistence.keyStatus().rowsByTable().get("synced_messages")).containsOnlyKeys(newKey);
            assertThat(persistence.messageIndex().list(ALICE, IndexView.ALL, Optional.empty(), PageSize.DEFAULT).items())
                    .containsExactlyInAnyOrder(summary("m1"), summary("m2"), summary("m3"));
        }
    }
}
