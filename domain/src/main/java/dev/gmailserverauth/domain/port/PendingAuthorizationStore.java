package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port for remembering authorizations in flight, between the redirect to consent and the
 * callback.
 *
 * <p>A port of its own rather than part of {@link CredentialRepository}: it is keyed by state, not by
 * user (the user is unknown until the callback), its entries live ten minutes and are used once,
 * and a deployment may well keep it somewhere else (a cache) than the credentials.
 */
public interface PendingAuthorizationStore {

    void put(PendingAuthorization pending);

    /**
     * Removes and returns the pending authorization for this state, atomically: among any number of
     * concurrent callers (on any instance) at most one receives it.
     */
    Optional<PendingAuthorization> take(AuthorizationState state);

    /**
     * How many entries were created at or after this instant: with the time to live as the window, the
     * sign-ins in flight, across every instance sharing the store. Lets the caller bound them.
     */
    int countCreatedSince(Instant since);

    /** Deletes every entry created before the cut-off; returns how many. */
    int purgeCreatedBefore(Instant cutoff);
}
