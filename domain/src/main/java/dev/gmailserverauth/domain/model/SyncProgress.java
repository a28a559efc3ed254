package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a sync state that moves together with the index: the history checkpoint (everything up to
 * it is in the index), the backfill still to do, if any, and how much of the mailbox the index holds: all of it
 * ({@code wholeMailbox}: the backfill reached its oldest message), or every message dated after
 * {@code completeAfter} (the oldest message the backfill took; the backfill reads the newest messages first, and
 * the history brings everything newer), so that the index may answer the pages of a list that lie in that window.
 * The index and this progress are written in one transaction, so that a crash never leaves them disagreeing.
 */
public record SyncProgress(HistoryId checkpoint, Optional<Backfill> backfill, boolean wholeMailbox, Optional<Instant> completeAfter) {
    public SyncProgress {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(backfill, "backfill");
        Objects.requireNonNull(completeAfter, "completeAfter");
        if (wholeMailbox) completeAfter = Optional.empty();
    }

    /** A progress whose index holds the whole mailbox, or no known window of it. */
    public SyncProgress(HistoryId checkpoint, Optional<Backfill> backfill, boolean wholeMailbox) {
        this(checkpoint, backfill, wholeMailbox, Optional.empty());
    }

    /** A progress at {@code checkpoint} with {@code backfill} to do: the index holds no known window of the mailbox yet. */
    public SyncProgress(HistoryId checkpoint, Optional<Backfill> backfill) {
        this(checkpoint, backfill, false);
    }

    public SyncProgress withCheckpoint(HistoryId next) {
        return new SyncProgress(next, backfill, wholeMailbox, completeAfter);
    }

    public SyncProgress withBackfill(Optional<Backfill> next) {
        return new SyncProgress(checkpoint, next, wholeMailbox, completeAfter);
    }

    /** The backfill ended at the mailbox's oldest message: the index holds every message. */
    public SyncProgress whole() {
        return new SyncProgress(checkpoint, Optional.empty(), true);
    }

    /** The index holds every message dated after {@code edge} (a backfill slice reached back to it). */
    public SyncProgress completeAfter(Instant edge) {
        return new SyncProgress(checkpoint, backfill, wholeMailbox, Optional.of(edge));
    }

    /**
     * True when the index holds every message of the mailbox's unfiltered list dated {@code date}: the whole
     * mailbox, or a date after the window's edge (a message dated at the edge itself may share its millisecond with
     * one the backfill has not reached, so the edge counts as outside).
     */
    public boolean holds(Instant date) {
        return wholeMailbox || completeAfter.filter(date::isAfter).isPresent();
    }

    /** True when the index holds some known window of the mailbox (or all of it). */
    public boolean hasWindow() {
        return wholeMailbox || completeAfter.isPresent();
    }
}
