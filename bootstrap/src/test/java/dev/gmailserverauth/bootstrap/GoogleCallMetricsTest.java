package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the Google adapter's listener reports, in Prometheus names, parsed from the registry's own scrape. */
class GoogleCallMetricsTest {

    @Test
    void callsUnitsAndRefusalsBecomeTimersAndCountersByMethodOutcomeAndKind() {
        try (Metrics metrics = new Metrics()) {
            GoogleCallMetrics google = metrics.googleCalls();
            google.call("messages.list", "ok", Duration.ofMillis(40));
            google.call("messages.get", "ok", Duration.ofMillis(20));
            google.call("messages.get", "concurrency", Duration.ofMillis(5));
            google.quotaUnits("messages.list", 5);
            google.quotaUnits("messages.get", 10);
            google.refused("concurrency");

            PrometheusText text = PrometheusText.parse(metrics.registry().scrape());

            assertThat(text.value("google_calls_seconds_count", "method", "messages.get", "outcome", "ok")).contains(1.0);
            assertThat(text.value("google_calls_seconds_count", "method", "messages.get")).contains(2.0);
            assertThat(text.value("google_calls_seconds_sum", "method", "messages.list")).contains(0.04);
            assertThat(text.value("google_quota_units_total")).contains(15.0);
            assertThat(text.value("google_quota_refusals_total", "kind", "concurrency")).contains(1.0);
            assertThat(text.types()).containsEntry("google_quota_units_total", "counter").containsEntry("google_calls_seconds", "summary");
        }
    }
}
