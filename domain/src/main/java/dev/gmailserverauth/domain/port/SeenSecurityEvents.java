package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.SecurityEventId;
import java.time.Duration;
import java.time.Instant;

/**
 * Driven port for remembering which security event tokens were already received, by their {@code jti},
 * so that a token is acted on once and a replay is ignored. Entries are kept for {@link #RETENTION} and
 * then purged: a token older than that is refused by its issue time instead.
 */
public interface SeenSecurityEvents {
    /** How long a seen id is remembered. */
    Duration RETENTION = Duration.ofDays(30);

    /**
     * Records that the token was received now; true the first time, false for an id recorded before.
     * Atomic: among concurrent callers (on any instance) exactly one gets true.
     */
    boolean firstSighting(SecurityEventId id, Instant receivedAt);

    /**
     * Forgets one id again: the token was recorded but acting on it failed, so that the issuer's
     * redelivery is acted on instead of being taken for a replay.
     */
    void forget(SecurityEventId id);

    /** Forgets every id received before the cut-off; returns how many. */
    int purgeReceivedBefore(Instant cutoff);
}
