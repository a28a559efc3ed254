package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SyncJobs;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SyncJobs} that only remembers what was asked, for tests: the test runs the sync itself. */
public final class InMemorySyncJobs implements SyncJobs {
    private final Map<UserId, Instant> due = new ConcurrentHashMap<>();
    private final Set<UserId> kept = ConcurrentHashMap.newKeySet();

    @Override
    public void syncAt(UserId user, Instant at) {
        due.merge(user, at, (waiting, asked) -> asked.isBefore(waiting) ? asked : waiting);
    }

    @Override
    public void keepSyncing(UserId user) {
        kept.add(user);
    }

    @Override
    public void stop(UserId user) {
        due.remove(user);
        kept.remove(user);
    }

    @Override
    public int backlog(Instant now) {
        return (int) due.values().stream().filter(at -> !at.isAfter(now)).count();
    }

    /** When the account's sync is due; empty when none is waiting. */
    public Optional<Instant> dueAt(UserId user) {
        return Optional.ofNullable(due.get(user));
    }

    /** The test ran the waiting sync: it is no longer due. */
    public void ran(UserId user) {
        due.remove(user);
    }

    public boolean keepsSyncing(UserId user) {
        return kept.contains(user);
    }
}
