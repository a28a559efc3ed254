package dev.gmailserverauth.bootstrap.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a list of measurements (nanoseconds). */
final class Stats {
    private final List<Long> sorted;

    Stats(List<Long> nanos) {
        this.sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
    }

    double percentileMillis(double p) {
        return percentileNanos(p) / 1_000_000.0;
    }

    double percentileMicros(double p) {
        return percentileNanos(p) / 1_000.0;
    }

    private long percentileNanos(double p) {
        if (sorted.isEmpty()) throw new IllegalStateException("no measurements");
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    int count() {
        return sorted.size();
    }
}
