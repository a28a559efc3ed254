package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MailboxChanges;
import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.domain.port.SyncStates;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends an account's sync, the one place for it: when the grant ends ({@link #stop}) and when the person
 * disconnects ({@link #forget}). Either way the synced mail is deleted at once: it was read under a grant
 * that no longer stands.
 */
public final class EndSync {
    private final AuthorizedAccess access;
    private final MailboxChanges changes;
    private final SyncStates states;
    private final MessageIndex index;
    private final SyncJobs jobs;
    private final Clock clock;

    public EndSync(AuthorizedAccess access, MailboxChanges changes, SyncStates states, MessageIndex index, SyncJobs jobs, Clock clock) {
        this.access = Objects.requireNonNull(access);
        this.changes = Objects.requireNonNull(changes);
        this.states = Objects.requireNonNull(states);
        this.index = Objects.requireNonNull(index);
        this.jobs = Objects.requireNonNull(jobs);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The grant ended (revoked, time-limited access over, a security event): no job runs for the account any
     * more, its synced mail is deleted, and its state says {@link SyncStatus#STOPPED} until the person connects again.
     */
    public void stop(UserId user) {
        jobs.stop(user);
        index.deleteAllOf(user);
        states.recordWatch(user, Optional.empty());
        states.setStatus(user, SyncStatus.STOPPED);
    }

    /**
     * The person disconnects: while the grant still works, Gmail is told to stop pushing ({@code users.stop});
     * then every job, synced message and the sync state are deleted. Call it before the grant is revoked.
     *
     * @throws dev.gmailserverauth.domain.error.ProviderUnavailableException when Google cannot be reached: nothing is deleted
     */
    public void forget(UserId user) {
        boolean watched = states.find(user).flatMap(state -> state.watchExpiration()).filter(end -> end.isAfter(clock.instant())).isPresent();
        if (watched) access.open(user).fold(granted -> granted.grant().call(changes::stopWatch), denied -> denied);
        jobs.stop(user);
        index.deleteAllOf(user);
        states.delete(user);
    }
}
