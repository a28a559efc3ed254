package dev.gmailserverauth.persistence.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the job scheduler runs.
 *
 * @param instanceName  this instance's name in the job table ({@code picked_by})
 * @param threads       how many jobs this instance runs at once
 * @param syncPoll      the safety poll: each account's sync runs at least this often
 * @param dailyWork     how often watch renewal and the completeness check run per account (Google asks for a daily watch)
 * @param pullEvery     how often the subscription is pulled; empty: push mode, no pulling
 * @param polling       how often the scheduler looks for due jobs scheduled by another instance
 * @param heartbeat     how often a running job says it is alive; four missed and another instance takes it over
 * @param deliveriesEvery how long between two runs of webhook deliveries; empty: no webhook deliveries here
 */
public record SchedulerSettings(String instanceName, int threads, Duration syncPoll, Duration dailyWork, Optional<Duration> pullEvery,
                                Duration polling, Duration heartbeat, Optional<Duration> deliveriesEvery) {
    public SchedulerSettings {
        Objects.requireNonNull(deliveriesEvery, "deliveriesEvery");
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(syncPoll, "syncPoll");
        Objects.requireNonNull(dailyWork, "dailyWork");
        Objects.requireNonNull(pullEvery, "pullEvery");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    }

    /** Settings without webhook deliveries. */
    public SchedulerSettings(String instanceName, int threads, Duration syncPoll, Duration dailyWork, Optional<Duration> pullEvery,
                             Duration polling, Duration heartbeat) {
        this(instanceName, threads, syncPoll, dailyWork, pullEvery, polling, heartbeat, Optional.empty());
    }

    /** The same settings, with webhook deliveries run every {@code every}. */
    public SchedulerSettings withDeliveriesEvery(Duration every) {
        return new SchedulerSettings(instanceName, threads, syncPoll, dailyWork, pullEvery, polling, heartbeat, Optional.of(every));
    }

    /** The defaults for a server: 4 threads, daily renewals, the scheduler looking every second, heartbeats every 30 seconds. */
    public static SchedulerSettings of(String instanceName, Duration syncPoll, Optional<Duration> pullEvery) {
        return new SchedulerSettings(instanceName, 4, syncPoll, Duration.ofDays(1), pullEvery, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
