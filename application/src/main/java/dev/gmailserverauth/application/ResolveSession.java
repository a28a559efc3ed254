package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who a browser's session belongs to, if it is still alive; extends an active session. */
public final class ResolveSession {
    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public ResolveSession(SessionRepository sessions, SessionPolicy policy, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    public Optional<UserId> resolve(SessionToken token) {
        Optional<WebSession> found = sessions.find(token.hash());
        if (found.isEmpty()) return Optional.empty();
        WebSession session = found.get();
        Instant now = clock.instant();
        if (session.isExpiredAt(now)) {
            sessions.delete(session.key());
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(policy.touchInterval()))) {
            sessions.save(new WebSession(session.key(), session.userId(), session.createdAt(), now, policy.expiryFor(session.createdAt(), now)));
        }
        return Optional.of(session.userId());
    }
}
