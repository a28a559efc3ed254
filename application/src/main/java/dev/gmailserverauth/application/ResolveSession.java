package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a browser's session belongs to, if it is still alive: the person and their linked accounts (one
 * session read, one read of the links); extends an active session. A person left without accounts is signed out.
 */
public final class ResolveSession {
    private final SessionRepository sessions;
    private final LinkedAccounts links;
    private final SessionPolicy policy;
    private final Clock clock;

    public ResolveSession(SessionRepository sessions, LinkedAccounts links, SessionPolicy policy, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.links = Objects.requireNonNull(links);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    public Optional<SignedIn> resolve(SessionToken token) {
        Optional<WebSession> found = sessions.find(token.hash());
        if (found.isEmpty()) return Optional.empty();
        WebSession session = found.get();
        Instant now = clock.instant();
        if (session.isExpiredAt(now)) {
            sessions.delete(session.key());
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(policy.touchInterval()))) {
            sessions.save(new WebSession(session.key(), session.person(), session.userId(), session.createdAt(), now, policy.expiryFor(session.createdAt(), now)));
        }
        List<LinkedAccount> accounts = links.accountsOf(session.person());
        if (accounts.isEmpty()) {
            sessions.delete(session.key());
            return Optional.empty();
        }
        return Optional.of(new SignedIn(session.person(), session.userId(), accounts));
    }
}
