package dev.gmailserverauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.jobs.DbSchedulerSyncJobs;
import dev.gmailserverauth.persistence.jobs.SchedulerSettings;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two application instances, each with its scheduler, sharing one PostgreSQL database. */
class PostgresSchedulersTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private String databaseUrl;
    private Database first;
    private Database second;

    @BeforeEach
    void openTwoInstances() {
        databaseUrl = POSTGRES.newDatabaseUrl();
        PersistenceConfig config = PersistenceConfig.of(databaseUrl).withEncryptionKey(TestKeys.KEY);
        first = Database.open(config);
        second = Database.open(config);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private static SchedulerSettings settings(String name, Duration heartbeat) {
        return new SchedulerSettings(name, 4, Duration.ofMinutes(10), Duration.ofDays(1), Optional.empty(), Duration.ofMillis(100), heartbeat);
    }

    @Test
    void twoInstancesRunEveryRequestedSyncWithoutEverSyncingOneAccountTwiceAtOnce() {
        RecordingHandlers handlers = new RecordingHandlers(5);
        List<UserId> accounts = IntStream.range(0, 20).mapToObj(i -> new UserId("user-" + i)).toList();
        try (DbSchedulerSyncJobs one = first.syncJobs(handlers, settings("one", Duration.ofSeconds(5)));
             DbSchedulerSyncJobs two = second.syncJobs(handlers, settings("two", Duration.ofSeconds(5)))) {
            one.start();
            two.start();
            for (UserId account : accounts) {
                one.syncAt(account, Instant.now());
                two.syncAt(account, Instant.now());
            }
            Eventually.within(BOUND, "five runs of every account", () -> accounts.stream().allMatch(a -> handlers.syncsOf(a) >= 5));
            assertThat(handlers.mostInsideAtOnce.get()).as("one account's sync never ran on both instances at once").isEqualTo(1);
            assertThat(handlers.totalSyncs()).as("each account asked for exactly five runs").isEqualTo(100);
        }
    }

    @Test
    void aSyncLeftRunningByAnInstanceThatDiedIsTakenOver() throws Exception {
        UserId alice = new UserId("111");
        RecordingHandlers handlers = new RecordingHandlers(1);
        try (DbSchedulerSyncJobs survivor = second.syncJobs(handlers, settings("survivor", Duration.ofMillis(200)))) {
            survivor.syncAt(alice, Instant.now());
            // What kill -9 leaves behind: the job picked by an instance whose heartbeats stopped long ago.
            try (Connection connection = DriverManager.getConnection(databaseUrl);
                 PreparedStatement died = connection.prepareStatement(
                         "UPDATE scheduled_tasks SET picked = true, picked_by = 'dead-instance', last_heartbeat = ? WHERE task_instance = ?")) {
                died.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
                died.setString(2, alice.value());
                assertThat(died.executeUpdate()).isEqualTo(1);
            }
            survivor.start();
            Eventually.within(BOUND, "the dead instance's sync taken over", () -> handlers.syncsOf(alice) == 1);
        }
    }
}
