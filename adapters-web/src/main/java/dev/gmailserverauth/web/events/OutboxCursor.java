package dev.gmailserverauth.web.events;

import dev.gmailserverauth.domain.event.AccountEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Where this instance's reading of the outbox stands. Positions are taken when a transaction writes its event and
 * become visible when it commits, so on PostgreSQL position 7 can appear after 8: a position missing below the highest
 * seen is remembered and looked for again until {@code gapGrace} has passed (then it was rolled back, or is too late).
 * {@link #accept} answers each row once.
 */
final class OutboxCursor {
    /** More missing positions than this (a jump in the sequence) are not all waited for: the newest are. */
    private static final int MAX_TRACKED_GAPS = 1024;

    private final Duration gapGrace;
    private final TreeMap<Long, Instant> missing = new TreeMap<>();
    private long highest;

    OutboxCursor(long start, Duration gapGrace) {
        if (start < 0) throw new IllegalArgumentException("start is negative");
        this.highest = start;
        this.gapGrace = gapGrace;
    }

    /** The highest position seen: new rows are read after it. */
    long highest() {
        return highest;
    }

    /** The position below which nothing is awaited any more: late rows are read again after it. */
    long floor() {
        return missing.isEmpty() ? highest : missing.firstKey() - 1;
    }

    boolean awaitsGaps() {
        return !missing.isEmpty();
    }

    /** The rows of {@code read} not accepted before, oldest first; forgets gaps older than the grace. */
    List<AccountEvent> accept(List<AccountEvent> read, Instant now) {
        List<AccountEvent> fresh = new ArrayList<>();
        for (AccountEvent event : read.stream().sorted(Comparator.comparingLong(AccountEvent::position)).toList()) {
            long position = event.position();
            if (position > highest) {
                for (long gap = Math.max(highest + 1, position - MAX_TRACKED_GAPS); gap < position; gap++) missing.put(gap, now);
                highest = position;
                fresh.add(event);
            } else if (missing.remove(position) != null) {
                fresh.add(event);
            }
        }
        missing.values().removeIf(noticed -> !now.isBefore(noticed.plus(gapGrace)));
        while (missing.size() > MAX_TRACKED_GAPS) missing.pollFirstEntry();
        return fresh;
    }
}
