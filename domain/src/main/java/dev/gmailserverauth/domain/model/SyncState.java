package dev.gmailserverauth.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Google account's sync, as the database keeps it for every instance.
 *
 * @param progress           the history checkpoint and the backfill still to do
 * @param watchExpiration    when Google ends the push watch, as Google said it ({@code users.watch}); empty: no watch
 * @param lastNotification   when the latest push notification for the account arrived
 * @param pendingSince       the first notification not synced yet; empty when every notification was followed
 * @param lastSynced         when the index last caught up with the mailbox's history
 * @param lag                how long the last sync took from the first notification it followed to its changes stored
 * @param gapsFilled         how many times the history was too old and the gap was filled instead
 * @param lastGap            what the last gap fill found and did (counts), for operators
 * @param repairs            how many differences the completeness checks found and repaired in all
 */
public record SyncState(UserId user, EmailAddress email, SyncStatus status, SyncProgress progress, Instant startedAt,
                        Optional<Instant> watchExpiration, Optional<Instant> lastNotification, Optional<Instant> pendingSince,
                        Optional<Instant> lastSynced, Optional<Duration> lag, int gapsFilled, Optional<String> lastGap, int repairs) {
    public SyncState {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(watchExpiration, "watchExpiration");
        Objects.requireNonNull(lastNotification, "lastNotification");
        Objects.requireNonNull(pendingSince, "pendingSince");
        Objects.requireNonNull(lastSynced, "lastSynced");
        Objects.requireNonNull(lag, "lag");
        Objects.requireNonNull(lastGap, "lastGap");
        if (gapsFilled < 0 || repairs < 0) throw new IllegalArgumentException("counts are negative");
    }

    /** A sync that starts now at {@code checkpoint}, with {@code backfill} to take first. */
    public static SyncState starting(UserId user, EmailAddress email, HistoryId checkpoint, Backfill backfill, Instant now) {
        return new SyncState(user, email, SyncStatus.ACTIVE, new SyncProgress(checkpoint, Optional.of(backfill).filter(b -> b.remaining() > 0)),
                now, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(), 0);
    }

    public HistoryId checkpoint() {
        return progress.checkpoint();
    }

    /**
     * True when the index may stand in for Gmail, within the window it holds ({@link SyncProgress#holds}): active,
     * synced at most {@code maxAge} ago and no notification waiting (a backfill still going on only narrows the window).
     */
    public boolean isCurrentAt(Instant now, Duration maxAge) {
        return status == SyncStatus.ACTIVE && pendingSince.isEmpty()
                && lastSynced.filter(at -> !at.plus(maxAge).isBefore(now)).isPresent();
    }
}
