package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SyncStates;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** {@link SyncStates} in a map, for tests; {@link InMemoryMessageIndex} moves the progress through it. */
public final class InMemorySyncStates implements SyncStates {
    private final Map<UserId, SyncState> states = new ConcurrentHashMap<>();

    @Override
    public boolean begin(SyncState state) {
        return states.putIfAbsent(state.user(), state) == null;
    }

    @Override
    public Optional<SyncState> find(UserId user) {
        return Optional.ofNullable(states.get(user));
    }

    @Override
    public Optional<SyncState> findByEmail(EmailAddress email) {
        return states.values().stream().filter(s -> s.email().value().equalsIgnoreCase(email.value())).findFirst();
    }

    @Override
    public List<SyncState> all() {
        return states.values().stream().sorted(Comparator.comparing((SyncState s) -> s.email().value())).toList();
    }

    @Override
    public void recordWatch(UserId user, Optional<Instant> expiration) {
        update(user, s -> copy(s, s.status(), s.progress(), expiration, s.lastNotification(), s.pendingSince(), s.lastSynced(), s.lag(),
                s.gapsFilled(), s.lastGap(), s.repairs()));
    }

    @Override
    public void recordNotification(UserId user, Instant at) {
        update(user, s -> copy(s, s.status(), s.progress(), s.watchExpiration(), Optional.of(at), s.pendingSince().or(() -> Optional.of(at)),
                s.lastSynced(), s.lag(), s.gapsFilled(), s.lastGap(), s.repairs()));
    }

    @Override
    public void recordSynced(UserId user, Instant at, Instant runStartedAt) {
        update(user, s -> copy(s, s.status(), s.progress(), s.watchExpiration(), s.lastNotification(),
                s.pendingSince().filter(first -> first.isAfter(runStartedAt)), Optional.of(at),
                SyncStates.lagOf(s.pendingSince(), runStartedAt, at).or(s::lag), s.gapsFilled(), s.lastGap(), s.repairs()));
    }

    @Override
    public void recordGapFilled(UserId user, String detail) {
        update(user, s -> copy(s, s.status(), s.progress(), s.watchExpiration(), s.lastNotification(), s.pendingSince(), s.lastSynced(), s.lag(),
                s.gapsFilled() + 1, Optional.of(detail), s.repairs()));
    }

    @Override
    public void recordRepairs(UserId user, int differences) {
        update(user, s -> copy(s, s.status(), s.progress(), s.watchExpiration(), s.lastNotification(), s.pendingSince(), s.lastSynced(), s.lag(),
                s.gapsFilled(), s.lastGap(), s.repairs() + differences));
    }

    @Override
    public void setStatus(UserId user, SyncStatus status) {
        update(user, s -> copy(s, status, s.progress(), s.watchExpiration(), s.lastNotification(), s.pendingSince(), s.lastSynced(), s.lag(),
                s.gapsFilled(), s.lastGap(), s.repairs()));
    }

    @Override
    public boolean delete(UserId user) {
        return states.remove(user) != null;
    }

    /** Moves the progress if it is still {@code expected}; the index calls this in its own critical section. */
    synchronized boolean moveProgress(UserId user, SyncProgress expected, SyncProgress next) {
        SyncState state = states.get(user);
        if (state == null || !state.progress().equals(expected)) return false;
        states.put(user, copy(state, state.status(), next, state.watchExpiration(), state.lastNotification(), state.pendingSince(),
                state.lastSynced(), state.lag(), state.gapsFilled(), state.lastGap(), state.repairs()));
        return true;
    }

    private synchronized void update(UserId user, UnaryOperator<SyncState> change) {
        states.computeIfPresent(user, (id, state) -> change.apply(state));
    }

    private static SyncState copy(SyncState s, SyncStatus status, SyncProgress progress, Optional<Instant> watch, Optional<Instant> notified,
            Optional<Instant> pending, Optional<Instant> synced, Optional<java.time.Duration> lag, int gaps, Optional<String> lastGap, int repairs) {
        return new SyncState(s.user(), s.email(), status, progress, s.startedAt(), watch, notified, pending, synced, lag, gaps, lastGap, repairs);
    }
}
