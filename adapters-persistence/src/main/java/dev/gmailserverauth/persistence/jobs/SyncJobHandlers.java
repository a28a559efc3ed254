package dev.gmailserverauth.persistence.jobs;

import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the scheduled jobs do (the mailbox sync's, and the webhook deliveries), given by the composition root (which calls the application's use cases): the
 * scheduler decides when and where work runs, never what it is.
 */
public interface SyncJobHandlers {

    /**
     * Runs the account's sync; answers when to run it next (the poll interval at the latest), or empty when the
     * account is no longer synced (its grant ended): its job is then dropped.
     */
    Optional<Instant> sync(UserId user);

    /** Sets up or renews the account's push watch. */
    void renewWatch(UserId user);

    /** Compares a recent window of the account's mailbox with the index and repairs it. */
    void checkCompleteness(UserId user);

    /** Pulls waiting notifications from the Pub/Sub subscription (pull mode). */
    void pull();

    /** Sends the webhook deliveries that are due (each leased while it is sent), until none is left or its time is up. */
    void deliverWebhooks();
}
