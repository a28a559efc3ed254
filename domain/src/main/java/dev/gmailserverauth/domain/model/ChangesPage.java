package dev.gmailserverauth.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a mailbox's changes since a history id, oldest first. {@code historyId} is the mailbox's
 * current history id as Gmail reported it with this page: after the last page it is the next checkpoint.
 */
public record ChangesPage(List<MailboxChange> changes, HistoryId historyId, Optional<PageToken> nextPage) {
    public ChangesPage {
        changes = List.copyOf(changes);
        Objects.requireNonNull(historyId, "historyId");
        Objects.requireNonNull(nextPage, "nextPage");
    }
}
