package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.SessionKey;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.WebSession;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port for remembering who is signed in. Stored server side, by the hash of the cookie,
 * so that several instances behind a load balancer share sessions and a leaked store opens none.
 */
public interface SessionRepository {

    /** Stores the session, replacing one with the same key. */
    void save(WebSession session);

    Optional<WebSession> find(SessionKey key);

    void delete(SessionKey key);

    /** Ends every session of a person, whichever account they signed in with; returns how many. */
    int deleteAllOf(PersonId person);

    /** Deletes sessions that expired before this instant; returns how many. */
    int purgeExpired(Instant now);
}
