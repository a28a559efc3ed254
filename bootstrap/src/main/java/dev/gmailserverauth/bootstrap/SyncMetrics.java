package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.sync.CheckCompleteness;
import dev.gmailserverauth.application.sync.PullNotifications;
import dev.gmailserverauth.application.sync.RenewWatch;
import dev.gmailserverauth.application.sync.RunSync;
import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.port.PushTokenVerifier;
import dev.gmailserverauth.domain.port.SyncJobs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sync's meters, every one registered at zero so that a dashboard sees it before anything happened. */
final class SyncMetrics {
    private final MeterRegistry registry;
    private final Timer lag;
    private final Counter historyPages;
    private final Counter gapsFilled;
    private final Counter repairs;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("sync.lag").description("from a mailbox change's notification to the change stored in the index").register(registry);
        this.historyPages = Counter.builder("sync.history.pages").description("pages of Gmail history applied").register(registry);
        this.gapsFilled = Counter.builder("sync.gaps.filled").description("history too old: gaps filled by listing and reconciling").register(registry);
        this.repairs = Counter.builder("sync.completeness.repairs").description("differences the completeness checks repaired").register(registry);
        for (String outcome : new String[] {"verified", "refused", "keys_unavailable"}) push(outcome);
        for (String outcome : new String[] {"scheduled", "not_synced", "unknown_address", "malformed"}) pulled(outcome);
        for (String outcome : new String[] {"renewed", "failed", "not_watched"}) watch(outcome);
        for (String outcome : new String[] {"synced", "again", "paused", "stopped"}) run(outcome);
    }

    void watch(SyncJobs jobs, Clock clock) {
        Gauge.builder("sync.scheduler.backlog", jobs, j -> j.backlog(clock.instant()))
                .description("account syncs due and not yet running (all instances)").register(registry);
    }

    /** Counts what push tokens came to: received and verified, refused, or unverifiable for want of Google's keys. */
    PushTokenVerifier counted(PushTokenVerifier verifier) {
        return token -> {
            PushVerification verification = verifier.verify(token);
            push(verification.fold(v -> "verified", r -> "refused", k -> "keys_unavailable")).increment();
            return verification;
        };
    }

    void ran(RunSync.Outcome outcome) {
        run(outcome.fold(s -> "synced", a -> "again", p -> "paused", s -> "stopped")).increment();
        outcome.fold(s -> {
            historyPages.increment(s.pages());
            return null;
        }, a -> null, p -> null, s -> null);
    }

    void lag(Duration duration) {
        lag.record(duration);
    }

    void gapFilled() {
        gapsFilled.increment();
    }

    void renewed(RenewWatch.Outcome outcome) {
        watch(outcome.fold(r -> "renewed", n -> "not_watched", f -> "failed")).increment();
    }

    void checked(CheckCompleteness.Outcome outcome) {
        repairs.increment(outcome.fold(CheckCompleteness.Outcome.Checked::repaired, skipped -> 0));
    }

    void pulled(PullNotifications.Pulled pulled) {
        pulled("scheduled").increment(pulled.scheduled());
        pulled("not_synced").increment(pulled.notSynced());
        pulled("unknown_address").increment(pulled.unknownAddress());
        pulled("malformed").increment(pulled.malformed());
    }

    private Counter push(String outcome) {
        return counter("sync.push.notifications", "Pub/Sub pushes by what their token came to", outcome);
    }

    private Counter pulled(String outcome) {
        return counter("sync.pulled.notifications", "notifications pulled from the subscription, by what they led to", outcome);
    }

    private Counter watch(String outcome) {
        return counter("sync.watch.renewals", "users.watch renewals by outcome", outcome);
    }

    private Counter run(String outcome) {
        return counter("sync.runs", "account sync runs by outcome", outcome);
    }

    private Counter counter(String name, String description, String outcome) {
        return counters.computeIfAbsent(name + "/" + outcome,
                key -> Counter.builder(name).description(description).tag("outcome", outcome).register(registry));
    }
}
