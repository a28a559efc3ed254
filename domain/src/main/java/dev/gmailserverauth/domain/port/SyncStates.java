package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port for keeping each Google account's sync state, shared by every instance. The checkpoint and
 * the backfill move only with the index ({@link MessageIndex#apply}); everything else moves here.
 */
public interface SyncStates {

    /** Records a new sync; false (and nothing changed) when the account already has one. */
    boolean begin(SyncState state);

    Optional<SyncState> find(UserId user);

    /** The sync of the account with this address (a push notification names only the address). */
    Optional<SyncState> findByEmail(EmailAddress email);

    /** Every sync, by address. */
    List<SyncState> all();

    /** Google's expiration of the watch just set up; empty when the account is no longer watched. */
    void recordWatch(UserId user, Optional<Instant> expiration);

    /** A push notification arrived at {@code at}: the account has changes not synced yet. */
    void recordNotification(UserId user, Instant at);

    /**
     * The index caught up at {@code at} with a run that began at {@code runStartedAt}: notifications that
     * arrived before the run began are followed, later ones stay pending; the lag is taken from the first one followed.
     */
    void recordSynced(UserId user, Instant at, Instant runStartedAt);

    /** The history was too old and the gap was filled; {@code detail} says what was found and done. */
    void recordGapFilled(UserId user, String detail);

    /** A completeness check repaired {@code differences} differences. */
    void recordRepairs(UserId user, int differences);

    void setStatus(UserId user, SyncStatus status);

    /** Forgets the account's sync; true when there was one. */
    boolean delete(UserId user);

    /** The lag a state records: from the first notification followed to the moment the changes were stored. */
    static Optional<Duration> lagOf(Optional<Instant> pendingSince, Instant runStartedAt, Instant syncedAt) {
        return pendingSince.filter(first -> !first.isAfter(runStartedAt)).map(first -> Duration.between(first, syncedAt));
    }
}
