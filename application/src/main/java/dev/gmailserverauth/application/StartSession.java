package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A person has signed in with one of their Google accounts: open a new session (a new id at every sign-in,
 * against session fixation).
 */
public final class StartSession {
    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public StartSession(SessionRepository sessions, SessionPolicy policy, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The token for the browser's cookie; only its hash is stored. */
    public SessionToken start(PersonId person, UserId account) {
        SessionToken token = SessionToken.random();
        Instant now = clock.instant();
        sessions.save(new WebSession(token.hash(), person, account, now, now, policy.expiryFor(now, now)));
        return token;
    }
}
