package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Housekeeping run on a timer: drop abandoned sign-ins, expired sessions and security event ids past their retention. */
public final class SweepExpired {
    private final PendingAuthorizationStore pending;
    private final SessionRepository sessions;
    private final SeenSecurityEvents seenSecurityEvents;
    private final Clock clock;

    public SweepExpired(PendingAuthorizationStore pending, SessionRepository sessions, SeenSecurityEvents seenSecurityEvents, Clock clock) {
        this.pending = Objects.requireNonNull(pending);
        this.sessions = Objects.requireNonNull(sessions);
        this.seenSecurityEvents = Objects.requireNonNull(seenSecurityEvents);
        this.clock = Objects.requireNonNull(clock);
    }

    public record Swept(int pendingAuthorizations, int sessions, int securityEventIds) {
    }

    public Swept sweep() {
        Instant now = clock.instant();
        return new Swept(pending.purgeCreatedBefore(now.minus(PendingAuthorization.TIME_TO_LIVE)), sessions.purgeExpired(now),
                seenSecurityEvents.purgeReceivedBefore(now.minus(SeenSecurityEvents.RETENTION)));
    }
}
