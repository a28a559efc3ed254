package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.domain.model.MailboxNotification;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.domain.port.SyncStates;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Gmail notification arrived (pushed, or pulled from the subscription): the account's sync is scheduled. It
 * carries no change; the sync reads the history from the stored checkpoint, never from the notified id, so a
 * late, repeated or reordered notification changes nothing twice, and a burst becomes one run.
 */
public final class ReceiveNotification {
    private final SyncStates states;
    private final SyncJobs jobs;
    private final Clock clock;

    public ReceiveNotification(SyncStates states, SyncJobs jobs, Clock clock) {
        this.states = Objects.requireNonNull(states);
        this.jobs = Objects.requireNonNull(jobs);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What the notification led to. */
    public sealed interface Outcome {
        <R> R fold(Function<Scheduled, R> scheduled, Function<NotSynced, R> notSynced, Function<UnknownAddress, R> unknown);

        /** The account's sync will run. */
        record Scheduled(UserId user) implements Outcome {
            @Override
            public <R> R fold(Function<Scheduled, R> scheduled, Function<NotSynced, R> notSynced, Function<UnknownAddress, R> unknown) {
                return scheduled.apply(this);
            }
        }

        /** The account's sync is paused or stopped: acknowledged, nothing done. */
        record NotSynced(UserId user, SyncStatus status) implements Outcome {
            @Override
            public <R> R fold(Function<Scheduled, R> scheduled, Function<NotSynced, R> notSynced, Function<UnknownAddress, R> unknown) {
                return notSynced.apply(this);
            }
        }

        /** Nobody connected this address: acknowledged and counted (retrying would not help). */
        record UnknownAddress() implements Outcome {
            @Override
            public <R> R fold(Function<Scheduled, R> scheduled, Function<NotSynced, R> notSynced, Function<UnknownAddress, R> unknown) {
                return unknown.apply(this);
            }
        }
    }

    public Outcome receive(MailboxNotification notification) {
        Optional<SyncState> state = states.findByEmail(notification.emailAddress());
        if (state.isEmpty()) return new Outcome.UnknownAddress();
        UserId user = state.get().user();
        if (state.get().status() != SyncStatus.ACTIVE) return new Outcome.NotSynced(user, state.get().status());
        Instant now = clock.instant();
        states.recordNotification(user, now);
        jobs.syncAt(user, now);
        return new Outcome.Scheduled(user);
    }
}
