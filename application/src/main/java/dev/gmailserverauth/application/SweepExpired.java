package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Housekeeping run on a timer: drop abandoned sign-ins and expired sessions. */
public final class SweepExpired {
    private final PendingAuthorizationStore pending;
    private final SessionRepository sessions;
    private final Clock clock;

    public SweepExpired(PendingAuthorizationStore pending, SessionRepository sessions, Clock clock) {
        this.pending = Objects.requireNonNull(pending);
        this.sessions = Objects.requireNonNull(sessions);
        this.clock = Objects.requireNonNull(clock);
    }

    public record Swept(int pendingAuthorizations, int sessions) {
    }

    public Swept sweep() {
        Instant now = clock.instant();
        return new Swept(pending.purgeCreatedBefore(now.minus(PendingAuthorization.TIME_TO_LIVE)), sessions.purgeExpired(now));
    }
}
