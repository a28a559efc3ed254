package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The part of a sync state that moves together with the index: the history checkpoint (everything up to
 * it is in the index) and the backfill still to do, if any. The index and this progress are written in
 * one transaction, so that a crash never leaves them disagreeing.
 */
public record SyncProgress(HistoryId checkpoint, Optional<Backfill> backfill) {
    public SyncProgress {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(backfill, "backfill");
    }

    public SyncProgress withCheckpoint(HistoryId next) {
        return new SyncProgress(next, backfill);
    }

    public SyncProgress withBackfill(Optional<Backfill> next) {
        return new SyncProgress(checkpoint, next);
    }
}
