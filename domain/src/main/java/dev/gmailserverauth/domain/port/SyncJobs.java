package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;

/**
 * Driven port for background sync work, run by a scheduler shared by every instance through the database.
 * One account's sync never runs twice at once; work of an instance that died is taken over by another.
 */
public interface SyncJobs {

    /**
     * Asks for the account's sync to run at {@code at} (now: as soon as possible). A request while one is
     * already waiting is folded into it, keeping the earlier time: a burst of notifications becomes one run.
     */
    void syncAt(UserId user, Instant at);

    /** Makes sure the account's periodic work (the safety poll, watch renewal, completeness check) is scheduled. */
    void keepSyncing(UserId user);

    /** Drops every job of the account: its sync ended. */
    void stop(UserId user);

    /** How many sync jobs are due and not yet running (the scheduler's backlog). */
    int backlog(Instant now);
}
