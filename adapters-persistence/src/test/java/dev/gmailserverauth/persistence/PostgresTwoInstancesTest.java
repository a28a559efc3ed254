package dev.gmailserverauth.persistence;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static dev.gmailserverauth.domain.fake.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.error.LockTimeoutException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.TokenGrant;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two application instances (two {@link Database}s, two pools, two job schedulers) sharing one PostgreSQL database. */
class PostgresTwoInstancesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

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

    @Test
    void aGuardedRefreshRunsOnceAtATimeAcrossInstancesAndEveryCallerCompletes() throws Exception {
        UserId user = new UserId("shared-user");
        first.credentials().save(credential(user.value(), NOW));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicInteger refreshes = new AtomicInteger();
        int callersPerInstance = 6;
        ExecutorService pool = Executors.newFixedThreadPool(2 * callersPerInstance);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2 * callersPerInstance; i++) {
                Database instance = i % 2 == 0 ? first : second;
                results.add(pool.submit(() -> {
                    start.await();
                    return instance.refreshLock().callExclusively(user, Duration.ofSeconds(20), () -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            return refresh(instance, user, refreshes.incrementAndGet());
                        } finally {
                            inside.decrementAndGet();
                        }
                    });
                }));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> result : results) tokens.add(result.get());

            assertThat(mostInside.get()).isEqualTo(1);
            assertThat(refreshes.get()).isEqualTo(2 * callersPerInstance);
            assertThat(tokens).doesNotHaveDuplicates();
            assertThat(second.credentials().findByUserId(user).orElseThrow().accessToken().orElseThrow().token().value())
                    .isEqualTo("ya29.refresh-" + (2 * callersPerInstance));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInstanceWaitingForTheLockGivesUpAfterItsTimeout() throws Exception {
        UserId user = new UserId("busy-user");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> holder = pool.submit(() -> first.refreshLock().callExclusively(user, Duration.ofSeconds(5), () -> {
                held.countDown();
                awaitQuietly(release);
                return "held";
            }));
            held.await();
            assertThatThrownBy(() -> second.refreshLock().callExclusively(user, Duration.ofMillis(200), () -> "never"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("busy-user");
            release.countDown();
            assertThat(holder.get()).isEqualTo("held");
            assertThat(second.refreshLock().callExclusively(user, Duration.ofSeconds(1), () -> "now free")).isEqualTo("now free");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void moreUsersRefreshingAtOnceThanLockConnectionsAllComplete() throws Exception {
        int users = 12;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                UserId user = new UserId("user-" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return first.refreshLock().callExclusively(user, Duration.ofSeconds(10), () -> {
                        sleepQuietly(100);
                        return user.value();
                    });
                }));
            }
            start.countDown();
            for (int i = 0; i < users; i++) assertThat(results.get(i).get()).isEqualTo("user-" + i);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyTakersOnTwoInstancesHaveExactlyOneWinner() throws Exception {
        PendingAuthorization pending = pending(NOW);
        first.pendingAuthorizations().put(pending);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<PendingAuthorization>>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Database instance = i % 2 == 0 ? first : second;
                results.add(pool.submit(() -> {
                    start.await();
                    return instance.pendingAuthorizations().take(pending.state());
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Optional<PendingAuthorization>> result : results) {
                if (result.get().isPresent()) winners++;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyRolledOutToBothInstancesThenRotatedKeepsEveryRowReadable() {
        for (int i = 0; i < 10; i++) first.credentials().save(credential("user" + i, NOW));
        first.close();
        second.close();
        // Roll-out: every instance encrypts with the new key and still reads the old one.
        PersistenceConfig both = PersistenceConfig.of(databaseUrl).withEncryptionKey(TestKeys.OTHER_KEY + "," + TestKeys.KEY);
        first = Database.open(both);
        second = Database.open(both);

        assertThat(second.rotateEncryptionKey(TestKeys.OTHER_KEY).reencrypted()).containsEntry("credentials", 10);

        for (int i = 0; i < 10; i++) assertThat(first.credentials().findByUserId(new UserId("user" + i))).isPresent();
        assertThatThrownBy(() -> Database.open(PersistenceConfig.of(databaseUrl).withEncryptionKey(TestKeys.KEY)))
                .isInstanceOf(PersistenceConfigurationException.class)
                .hasMessageContaining("not the key");
        try (Database newKeyOnly = Database.open(PersistenceConfig.of(databaseUrl).withEncryptionKey(TestKeys.OTHER_KEY))) {
            for (int i = 0; i < 10; i++) assertThat(newKeyOnly.credentials().findByUserId(new UserId("user" + i))).isPresent();
        }
    }

    /** Stands in for a call to Google: reads the stored credential, "refreshes" it, stores the result. */
    private static String refresh(Database instance, UserId user, int number) {
        StoredCredential stored = instance.credentials().findByUserId(user).orElseThrow();
        sleepQuietly(15); // the time Google takes to answer: the window in which two instances could both refresh
        String token = "ya29.refresh-" + number;
        TokenGrant grant = new TokenGrant(new ExpiringAccessToken(new AccessToken(token), NOW.plusSeconds(3600)), Optional.empty(),
                stored.grantedScopes());
        instance.credentials().save(stored.refreshedWith(grant, NOW.plusSeconds(number)));
        return token;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Duration BOUND = Duration.ofSeconds(60);

    private static SchedulerSettings schedulerSettings(String name, Duration heartbeat) {
        return new SchedulerSettings(name, 4, Duration.ofMinutes(10), Duration.ofDays(1), Optional.empty(), Duration.ofMillis(100), heartbeat);
    }

    @Test
    void webhookDeliveriesRunOnWhicheverInstancePicksThemAndNeverOnBothAtOnce() {
        RecordingHandlers handlers = new RecordingHandlers(1);
        try (DbSchedulerSyncJobs one = first.syncJobs(handlers, schedulerSettings("one", Duration.ofSeconds(5)).withDeliveriesEvery(Duration.ofMillis(20)));
             DbSchedulerSyncJobs two = second.syncJobs(handlers, schedulerSettings("two", Duration.ofSeconds(5)).withDeliveriesEvery(Duration.ofMillis(20)))) {
            one.start();
            two.start();
            Eventually.within(BOUND, "twenty delivery runs", () -> handlers.deliveryRuns.get() >= 20);
            assertThat(handlers.mostDeliveriesInsideAtOnce.get()).as("one delivery run at a time across both instances").isEqualTo(1);
        }
    }

    @Test
    void twoInstancesRunEveryRequestedSyncWithoutEverSyncingOneAccountTwiceAtOnce() {
        RecordingHandlers handlers = new RecordingHandlers(5);
        List<UserId> accounts = IntStream.range(0, 20).mapToObj(i -> new UserId("user-" + i)).toList();
        try (DbSchedulerSyncJobs one = first.syncJobs(handlers, schedulerSettings("one", Duration.ofSeconds(5)));
             DbSchedulerSyncJobs two = second.syncJobs(handlers, schedulerSettings("two", Duration.ofSeconds(5)))) {
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
        try (DbSchedulerSyncJobs survivor = second.syncJobs(handlers, schedulerSettings("survivor", Duration.ofMillis(200)))) {
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
