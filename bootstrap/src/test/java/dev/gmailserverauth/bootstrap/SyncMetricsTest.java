package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.sync.RenewWatch;
import dev.gmailserverauth.application.sync.RunSync;
import dev.gmailserverauth.domain.fake.InMemorySyncJobs;
import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.PushTokenVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SyncMetrics metrics = new SyncMetrics(registry);

    private double count(String name, String outcome) {
        return registry.get(name).tag("outcome", outcome).counter().count();
    }

    @Test
    void everyMeterIsThereAtZeroBeforeAnythingHappened() {
        InMemorySyncJobs jobs = new InMemorySyncJobs();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        metrics.watch(jobs, Clock.fixed(now, ZoneOffset.UTC));
        assertThat(registry.get("sync.lag").timer().count()).isZero();
        assertThat(registry.get("sync.history.pages").counter().count()).isZero();
        assertThat(registry.get("sync.gaps.filled").counter().count()).isZero();
        assertThat(registry.get("sync.completeness.repairs").counter().count()).isZero();
        assertThat(count("sync.push.notifications", "refused")).isZero();
        assertThat(count("sync.pulled.notifications", "unknown_address")).isZero();
        assertThat(count("sync.watch.renewals", "failed")).isZero();
        assertThat(count("sync.runs", "stopped")).isZero();
        assertThat(registry.get("sync.scheduler.backlog").gauge().value()).isZero();
        jobs.syncAt(new UserId("111"), now);
        assertThat(registry.get("sync.scheduler.backlog").gauge().value()).isEqualTo(1);
    }

    @Test
    void countsWhatHappens() {
        PushTokenVerifier verifier = metrics.counted(token -> token.isPresent() ? new PushVerification.Verified()
                : new PushVerification.Refused(PushVerification.Reason.MISSING));
        verifier.verify(Optional.of("t"));
        verifier.verify(Optional.empty());
        verifier.verify(Optional.empty());
        metrics.ran(new RunSync.Outcome.Synced(3, 7));
        metrics.renewed(new RenewWatch.Outcome.Failed("quota spent"));
        metrics.gapFilled();
        metrics.lag(Duration.ofMillis(800));
        assertThat(count("sync.push.notifications", "verified")).isEqualTo(1);
        assertThat(count("sync.push.notifications", "refused")).isEqualTo(2);
        assertThat(count("sync.runs", "synced")).isEqualTo(1);
        assertThat(registry.get("sync.history.pages").counter().count()).isEqualTo(3);
        assertThat(count("sync.watch.renewals", "failed")).isEqualTo(1);
        assertThat(registry.get("sync.gaps.filled").counter().count()).isEqualTo(1);
        assertThat(registry.get("sync.lag").timer().count()).isEqualTo(1);
    }
}
