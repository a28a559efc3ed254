package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.google.GoogleCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * The Google adapter's calls as meters: {@code google_calls_seconds{method, outcome}},
 * {@code google_quota_units_total{method}} and {@code google_quota_refusals_total{kind}}. The adapter
 * tells them through its call listener (plain Java, no metrics library in the adapter); this is the
 * bootstrap side of it, one method per thing the listener reports. Every series whose labels the adapter
 * knows in advance exists from the start at zero, so that an alert on it can fire and a graph has no holes.
 */
final class GoogleCallMetrics implements GoogleCallListener {
    private final MeterRegistry registry;

    GoogleCallMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (String method : GoogleCallListener.methods()) {
            for (String outcome : GoogleCallListener.outcomes()) calls(method, outcome);
            units(method);
        }
        GoogleCallListener.refusalKinds().forEach(this::refusals);
    }

    /** One Gmail call came back: {@code method} as Gmail names it, {@code outcome} from the adapter's small fixed set. */
    @Override
    public void call(String method, String outcome, Duration took) {
        calls(method, outcome).record(took);
    }

    @Override
    public void quotaUnits(String method, int units) {
        units(method).increment(units);
    }

    /** {@code quota}, {@code concurrency} (refused by Google), or {@code short_circuit} (answered "rate limited" without asking). */
    @Override
    public void refused(String kind) {
        refusals(kind).increment();
    }

    private Timer calls(String method, String outcome) {
        return Timer.builder("google.calls").description("Gmail calls, each batch part one call, by method and outcome")
                .tags("method", method, "outcome", outcome).register(registry);
    }

    private Counter units(String method) {
        return Counter.builder("google.quota.units").description("Gmail quota units spent, by method").tag("method", method).register(registry);
    }

    private Counter refusals(String kind) {
        return Counter.builder("google.quota.refusals").description("Gmail calls refused for quota or concurrency, by kind")
                .tag("kind", kind).register(registry);
    }
}
