package dev.gmailserverauth.application.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the background sync behaves.
 *
 * @param backfill          how many of the newest messages the first sync takes into the index
 * @param pollInterval      the safety poll: a sync at least this often, even when pushes arrive
 * @param topic             the Pub/Sub topic given to {@code users.watch}; empty: no watch, polling only
 * @param gapOverlap        how far before the last good sync a gap fill starts listing
 * @param gapLimit          the most messages a gap fill lists; a larger gap refills the index from its newest messages
 * @param completenessWindow how far back the daily completeness check compares Gmail with the index
 * @param backfillSlice     how many messages one backfill slice takes before giving other accounts their turn
 */
public record SyncSettings(int backfill, Duration pollInterval, Optional<String> topic, Duration gapOverlap, int gapLimit,
                           Duration completenessWindow, int backfillSlice) {
    public static final int DEFAULT_BACKFILL = 1000;
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(10);

    public SyncSettings {
        if (backfill < 0) throw new IllegalArgumentException("backfill is negative");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("poll interval must be positive");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(gapOverlap, "gapOverlap");
        Objects.requireNonNull(completenessWindow, "completenessWindow");
        if (gapLimit < 1 || backfillSlice < 1 || backfillSlice > 500) throw new IllegalArgumentException("gap limit and backfill slice must be positive (slice at most 500)");
    }

    /** The defaults, with this backfill, poll interval and topic. */
    public static SyncSettings of(int backfill, Duration pollInterval, Optional<String> topic) {
        return new SyncSettings(backfill, pollInterval, topic, Duration.ofDays(1), 5_000, Duration.ofDays(2), 100);
    }
}
