package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PendingAuthorizationStore} in a map, for tests; {@code remove} makes take-once atomic. */
public final class InMemoryPendingAuthorizationStore implements PendingAuthorizationStore {
    private final Map<AuthorizationState, PendingAuthorization> pending = new ConcurrentHashMap<>();

    @Override
    public void put(PendingAuthorization authorization) {
        pending.put(authorization.state(), authorization);
    }

    @Override
    public Optional<PendingAuthorization> take(AuthorizationState state) {
        return Optional.ofNullable(pending.remove(state));
    }

    @Override
    public int countCreatedSince(Instant since) {
        return (int) pending.values().stream().filter(p -> !p.createdAt().isBefore(since)).count();
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        int before = pending.size();
        pending.values().removeIf(p -> p.createdAt().isBefore(cutoff));
        return before - pending.size();
    }

    public int size() {
        return pending.size();
    }
}
