package dev.gmailserverauth.persistence.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SyncJobs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SyncJobs} on db-scheduler: every job is a row of {@code scheduled_tasks} in the application's own
 * database (SQLite or PostgreSQL), so every instance shares them.
 *
 * <ul>
 *   <li>{@code sync}: one execution per account, its instance id the account's. It never ends: each run reschedules
 *       it, at the latest a poll interval later (the safety poll), sooner when the run asks (a backfill slice, a
 *       quota freeing up). A request while it waits only moves it earlier, so a burst of notifications is one run.
 *       One row per account means one account is never synced twice at once; a job left by an instance that died
 *       (its heartbeats stopped) is revived by another.</li>
 *   <li>{@code watch-renewal} and {@code completeness-check}: one execution per account each, daily, the first at
 *       a moment of the day derived from the account id, so that renewals spread over the day.</li>
 *   <li>{@code pull}: in pull mode, one recurring job for the whole application.</li>
 *   <li>{@code webhook-deliveries}: one recurring job for the whole application, run by whichever instance picks it
 *       (never by two at once), the next run a fixed delay after the last one ends. It runs even when the sync is off:
 *       the scheduler exists whenever the server does.</li>
 * </ul>
 * A failed run (Google unreachable, a bug) is retried with exponential backoff from one minute.
 */
public final class DbSchedulerSyncJobs implements SyncJobs, AutoCloseable {
    static final String SYNC = "sync";
    static final String WATCH_RENEWAL = "watch-renewal";
    static final String COMPLETENESS_CHECK = "completeness-check";
    static final String PULL = "pull";
    static final String WEBHOOK_DELIVERIES = "webhook-deliveries";
    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerSyncJobs.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final CustomTask<Void> sync;
    private final CustomTask<Void> watchRenewal;
    private final CustomTask<Void> completenessCheck;
    private final SchedulerSettings settings;

    private DbSchedulerSyncJobs(DataSource dataSource, boolean sqlite, SyncJobHandlers handlers, SchedulerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handlers, "handlers");
        this.sync = Tasks.custom(SYNC, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY))
                .execute((instance, context) -> {
                    Optional<Instant> next = handlers.sync(new UserId(instance.getId()));
                    Instant poll = Instant.now().plus(settings.syncPoll());
                    return (complete, operations) -> next.ifPresentOrElse(
                            at -> operations.reschedule(complete, at.isBefore(poll) ? at : poll),
                            operations::remove);
                });
        this.watchRenewal = daily(WATCH_RENEWAL, handlers::renewWatch);
        this.completenessCheck = daily(COMPLETENESS_CHECK, handlers::checkCompleteness);
        List<Task<?>> tasks = new ArrayList<>(List.of(sync, watchRenewal, completenessCheck));
        List<RecurringTask<Void>> startTasks = new ArrayList<>();
        settings.pullEvery().ifPresent(every -> startTasks.add(Tasks.recurring(PULL, Schedules.fixedDelay(every))
                .execute((instance, context) -> handlers.pull())));
        settings.deliveriesEvery().ifPresent(every -> startTasks.add(Tasks.recurring(WEBHOOK_DELIVERIES, Schedules.fixedDelay(every))
                .execute((instance, context) -> handlers.deliverWebhooks())));
        var builder = Scheduler.create(dataSource, tasks)
                .startTasks(startTasks)
                .schedulerName(new SchedulerName.Fixed(settings.instanceName()))
                .threads(settings.threads())
                .pollingInterval(settings.polling())
                .heartbeatInterval(settings.heartbeat())
                .enableImmediateExecution()
                .failureLogging(LogLevel.WARN, false);
        if (sqlite) builder = builder.jdbcCustomization(new SqliteJdbcCustomization()).pollUsingFetchAndLockOnExecute(0.5, 4.0);
        this.scheduler = builder.build();
    }

    /** Builds the scheduler over the application's database; nothing runs before {@link #start()}. */
    public static DbSchedulerSyncJobs create(DataSource dataSource, boolean sqlite, SyncJobHandlers handlers, SchedulerSettings settings) {
        return new DbSchedulerSyncJobs(dataSource, sqlite, handlers, settings);
    }

    private CustomTask<Void> daily(String name, Consumer<UserId> work) {
        return Tasks.custom(name, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY))
                .execute((instance, context) -> {
                    work.accept(new UserId(instance.getId()));
                    return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(settings.dailyWork()));
                });
    }

    public void start() {
        scheduler.start();
    }

    @Override
    public void syncAt(UserId user, Instant at) {
        TaskInstanceId id = TaskInstanceId.of(SYNC, user.value());
        Optional<ScheduledExecution<Object>> waiting = scheduler.getScheduledExecution(id);
        if (waiting.isEmpty()) {
            scheduler.scheduleIfNotExists(sync.instance(user.value()), at);
            return;
        }
        // A run going on now re-reads the pending notifications when it ends; a waiting one only moves earlier.
        if (waiting.get().isPicked() || !at.isBefore(waiting.get().getExecutionTime())) return;
        try {
            scheduler.reschedule(id, at);
        } catch (RuntimeException pickedMeanwhile) {
            LOG.debug("the sync of {} started while it was being moved earlier: {}", user.value(), pickedMeanwhile.getMessage());
        }
    }

    @Override
    public void keepSyncing(UserId user) {
        Instant now = Instant.now();
        scheduler.scheduleIfNotExists(sync.instance(user.value()), now.plus(settings.syncPoll()));
        scheduler.scheduleIfNotExists(watchRenewal.instance(user.value()), now);
        scheduler.scheduleIfNotExists(completenessCheck.instance(user.value()), now.plus(spread(user)));
    }

    @Override
    public void stop(UserId user) {
        for (String task : List.of(SYNC, WATCH_RENEWAL, COMPLETENESS_CHECK)) {
            TaskInstanceId id = TaskInstanceId.of(task, user.value());
            if (scheduler.getScheduledExecution(id).isEmpty()) continue;
            try {
                scheduler.cancel(id);
            } catch (RuntimeException running) {
                // A running job ends by itself: its next run finds no grant or no sync and stops.
                LOG.debug("job {} of {} is running and ends by itself: {}", task, user.value(), running.getMessage());
            }
        }
    }

    @Override
    public int backlog(Instant now) {
        return (int) scheduler.getScheduledExecutionsForTask(SYNC, Void.class, ScheduledExecutionsFilter.all().withPicked(false)).stream()
                .filter(execution -> !execution.getExecutionTime().isAfter(now))
                .count();
    }

    /** Where in the daily period this account's daily work falls: the same moment every day, different across accounts. */
    Duration spread(UserId user) {
        CRC32 crc = new CRC32();
        crc.update(user.value().getBytes(StandardCharsets.UTF_8));
        return Duration.ofSeconds(crc.getValue() % Math.max(1, settings.dailyWork().toSeconds()));
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
