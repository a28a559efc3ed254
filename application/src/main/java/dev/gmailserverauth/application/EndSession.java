package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.util.Objects;

/** The user signs out of this browser; their stored credential stays for offline access. */
public final class EndSession {
    private final SessionRepository sessions;

    public EndSession(SessionRepository sessions) {
        this.sessions = Objects.requireNonNull(sessions);
    }

    public void end(SessionToken token) {
        sessions.delete(token.hash());
    }
}
