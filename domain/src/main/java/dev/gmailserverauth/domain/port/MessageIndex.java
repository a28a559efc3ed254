package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Driven port for the local index of each synced mailbox: message summaries by account, read back as the
 * list views show them. Subjects, senders and snippets are mail content: a store keeps them encrypted.
 */
public interface MessageIndex {

    /**
     * Applies {@code writes} and moves the account's sync progress from {@code expected} to {@code next}, all in
     * one transaction. When the stored progress is not {@code expected} (another run got there first, or this
     * page was applied already) nothing is written and the answer is false.
     */
    boolean apply(UserId user, List<IndexWrite> writes, SyncProgress expected, SyncProgress next);

    /**
     * One page of a view, newest first (by date, then id). {@code page} is a token an earlier page of the same
     * view gave; a token this store never gave is an {@link IllegalArgumentException}.
     */
    Page<MessageSummary> list(UserId user, IndexView view, Optional<PageToken> page, PageSize size);

    /**
     * The summaries the index holds for {@code ids}, in no particular order; an id it does not hold is left out. How the
     * sync reads what a page of changes is about to change, to tell what did change.
     */
    List<MessageSummary> find(UserId user, Collection<MessageId> ids);

    /** The ids of the account's indexed messages dated at or after {@code since}, newest first. */
    List<MessageId> idsSince(UserId user, Instant since);

    /** How many messages the account's index holds. */
    int count(UserId user);

    /** Forgets every indexed message of the account; returns how many there were. */
    int deleteAllOf(UserId user);
}
