package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.ChangesPage;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MailboxWatch;
import dev.gmailserverauth.domain.model.PageToken;
import java.util.Optional;

/**
 * Driven port for following a mailbox's changes: its history, and push watches. Every call carries the
 * person's access token; limits, retries and the deadline are the adapter's business, as for {@link Mailbox}.
 */
public interface MailboxChanges {

    /** The mailbox's current history id ({@code users.getProfile}): where a new sync starts. */
    MailboxResponse<HistoryId> currentHistoryId(AccessToken token);

    /**
     * One page of changes after {@code start} ({@code history.list}, every history type). {@link MailboxResponse.NotFound}
     * means {@code start} is too old: Gmail no longer has the history from there, and the caller must fill the gap.
     */
    MailboxResponse<ChangesPage> changesSince(AccessToken token, HistoryId start, Optional<PageToken> page);

    /** Asks Gmail to push a notification to {@code topicName} ({@code projects/P/topics/T}) when the mailbox changes. */
    MailboxResponse<MailboxWatch> watch(AccessToken token, String topicName);

    /** Ends the push watch ({@code users.stop}); stopping a mailbox that has none is not an error. Answers the Ok value {@code true}. */
    MailboxResponse<Boolean> stopWatch(AccessToken token);
}
