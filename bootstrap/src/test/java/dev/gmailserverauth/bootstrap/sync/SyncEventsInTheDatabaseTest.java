package dev.gmailserverauth.bootstrap.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.application.sync.TellingIndex;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.Backfill;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.FreshDatabase;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sync's message events in the real stores (SQLite and PostgreSQL): the index writes, the progress and the events
 * commit together or not at all, and two runs applying the same page at once tell its changes once.
 */
class SyncEventsInTheDatabaseTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UserId ALICE = new UserId("111");
    private static final EmailAddress ALICE_EMAIL = new EmailAddress("alice@example.com");
    private static final SyncProgress START = new SyncProgress(HistoryId.parse("100"), Optional.empty());

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Nested
    class OnSqlite extends Scenarios {
        @RegisterExtension
        final FreshDatabase database = FreshDatabase.sqlite();

        @Override
        Database database() {
            return database.get();
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        @RegisterExtension
        final FreshDatabase database = FreshDatabase.postgres(POSTGRES);

        @Override
        Database database() {
            return database.get();
        }

        @Test
        void runsApplyingTheSamePageAtOnceTellItsChangesOnce() throws Exception {
            Database db = begun();
            TellingIndex telling = telling(db, db.events());
            telling.apply(ALICE, ALICE_EMAIL, List.of(new IndexWrite.Put(summary("m0", LabelId.INBOX, LabelId.UNREAD))), START, START);
            // Every run summarizes the added message as Gmail holds it when it reads (starred already).
            List<IndexWrite> page = List.of(new IndexWrite.Put(summary("m1", LabelId.INBOX, LabelId.STARRED)),
                    new IndexWrite.AddLabels(new MessageId("m1"), Set.of(LabelId.STARRED)),
                    new IndexWrite.RemoveLabels(new MessageId("m0"), Set.of(LabelId.UNREAD)));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Boolean>> runs = new ArrayList<>();
                for (int i = 0; i < 12; i++) runs.add(() -> telling.apply(ALICE, ALICE_EMAIL, page, START, START).isPresent());
                for (Future<Boolean> run : pool.invokeAll(runs)) assertThat(run.get()).isTrue();
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.events().after(0, 100)).extracting(AccountEvent::type)
                    .containsExactly(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_RECEIVED, EventType.MESSAGE_LABELS_CHANGED);
        }
    }

    abstract static class Scenarios {
        abstract Database database();

        Database begun() {
            Database db = database();
            db.syncStates().begin(SyncState.starting(ALICE, ALICE_EMAIL, START.checkpoint(), Backfill.of(0), NOW));
            return db;
        }

        @Test
        void anIndexChangeRolledBackLeavesNoEventAndAnEventThatFailsLeavesNoIndexChange() {
            Database db = begun();
            SyncProgress next = START.withCheckpoint(HistoryId.parse("200"));
            List<IndexWrite> page = List.of(new IndexWrite.Put(summary("m1", LabelId.INBOX)), new IndexWrite.Put(summary("m2", LabelId.INBOX)));
            // The outbox fails at the second event, after the writes and the first event: the whole transaction goes.
            TellingIndex failing = telling(db, new FailingAt(2, db.events()));

            assertThatThrownBy(() -> failing.apply(ALICE, ALICE_EMAIL, page, START, next)).isInstanceOf(IllegalStateException.class);

            assertThat(db.events().after(0, 10)).isEmpty();
            assertThat(db.messageIndex().count(ALICE)).isZero();
            assertThat(db.syncStates().find(ALICE).orElseThrow().progress()).isEqualTo(START);

            assertThat(telling(db, db.events()).apply(ALICE, ALICE_EMAIL, page, START, next)).isPresent();
            assertThat(db.events().after(0, 10)).extracting(AccountEvent::sequence).as("no number lost to the rolled-back try")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 2).boxed().toList());
            assertThat(db.messageIndex().count(ALICE)).isEqualTo(2);
        }

        @Test
        void theEventBodyCarriesTheSummaryAsTheIndexHoldsIt() {
            Database db = begun();
            telling(db, db.events()).apply(ALICE, ALICE_EMAIL, List.of(new IndexWrite.Put(summary("m1", LabelId.INBOX, LabelId.UNREAD))),
                    START, START);
            telling(db, db.events()).apply(ALICE, ALICE_EMAIL, List.of(new IndexWrite.RemoveLabels(new MessageId("m1"), Set.of(LabelId.UNREAD))),
                    START, START);
            List<AccountEvent> events = db.events().after(0, 10);
            assertThat(events).extracting(AccountEvent::type).containsExactly(EventType.MESSAGE_RECEIVED, EventType.MESSAGE_LABELS_CHANGED);
            assertThat(events.get(0).body()).contains("\"subject\":\"Subject m1\"").contains("UNREAD");
            assertThat(events.get(1).body()).contains("\"labelsRemoved\":[\"UNREAD\"]").contains("\"subject\":\"Subject m1\"");
        }
    }

    static TellingIndex telling(Database db, EventOutbox outbox) {
        return new TellingIndex(db.messageIndex(), new EventRecorder(db.transactions(), outbox), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static MessageSummary summary(String id, LabelId... labels) {
        return new MessageSummary(new MessageId(id), new ThreadId("t" + id), "Subject " + id, "Ann <ann@example.com>", NOW, "snippet " + id,
                Set.of(labels));
    }

    /** The real outbox, failing at its {@code failAt}-th append (after it wrote): a crash between two events. */
    private static final class FailingAt implements EventOutbox {
        private final int failAt;
        private final EventOutbox outbox;
        private final AtomicInteger appends = new AtomicInteger();

        FailingAt(int failAt, EventOutbox outbox) {
            this.failAt = failAt;
            this.outbox = outbox;
        }

        @Override
        public AccountEvent append(NewEvent event) {
            AccountEvent appended = outbox.append(event);
            if (appends.incrementAndGet() == failAt) throw new IllegalStateException("the database went away after event " + failAt);
            return appended;
        }

        @Override
        public Optional<AccountEvent> appendOnce(NewEvent event, String onceKey) {
            return outbox.appendOnce(event, onceKey);
        }

        @Override
        public Optional<AccountEvent> find(EventId id) {
            return outbox.find(id);
        }

        @Override
        public List<AccountEvent> after(long position, int limit) {
            return outbox.after(position, limit);
        }

        @Override
        public long lastPosition() {
            return outbox.lastPosition();
        }

        @Override
        public List<AccountEvent> since(Instant since, int limit) {
            return outbox.since(since, limit);
        }
    }
}
