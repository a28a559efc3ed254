package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SeenSecurityEvents} in a map, for tests. */
public final class InMemorySeenSecurityEvents implements SeenSecurityEvents {
    private final Map<SecurityEventId, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstSighting(SecurityEventId id, Instant receivedAt) {
        return seen.putIfAbsent(id, receivedAt) == null;
    }

    @Override
    public void forget(SecurityEventId id) {
        seen.remove(id);
    }

    @Override
    public int purgeReceivedBefore(Instant cutoff) {
        int before = seen.size();
        seen.values().removeIf(at -> at.isBefore(cutoff));
        return before - seen.size();
    }
}
