package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.SessionKey;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionRepository} in a map, for tests. */
public final class InMemorySessionRepository implements SessionRepository {
    private final Map<SessionKey, WebSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(WebSession session) {
        sessions.put(session.key(), session);
    }

    @Override
    public Optional<WebSession> find(SessionKey key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public void delete(SessionKey key) {
        sessions.remove(key);
    }

    @Override
    public int deleteAllOf(PersonId person) {
        return removeIf(s -> s.person().equals(person));
    }

    @Override
    public int purgeExpired(Instant now) {
        return removeIf(s -> s.isExpiredAt(now));
    }

    private int removeIf(java.util.function.Predicate<WebSession> condition) {
        int before = sessions.size();
        sessions.values().removeIf(condition);
        return before - sessions.size();
    }
}
