package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The part of a sync state that moves together with the index: the history checkpoint (everything up to
 * it is in the index), the backfill still to do, if any, and whether the index holds the whole mailbox (the
 * backfill reached its oldest message), so that the index may answer every page of a list. The index and this
 * progress are written in one transaction, so that a crash never leaves them disagreeing.
 */
public record SyncProgress(HistoryId checkpoint, Optional<Backfill> backfill, boolean wholeMailbox) {
    public SyncProgress {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(backfill, "backfill");
    }

    /** A progress at {@code checkpoint} with {@code backfill} to do: the index does not hold the whole mailbox yet. */
    public SyncProgress(HistoryId checkpoint, Optional<Backfill> backfill) {
        this(checkpoint, backfill, false);
    }

    public SyncProgress withCheckpoint(HistoryId next) {
        return new SyncProgress(next, backfill, wholeMailbox);
    }

    public SyncProgress withBackfill(Optional<Backfill> next) {
        return new SyncProgress(checkpoint, next, wholeMailbox);
    }

    /** The backfill ended at the mailbox's oldest message: the index holds every message. */
    public SyncProgress whole() {
        return new SyncProgress(checkpoint, Optional.empty(), true);
    }
}
