package dev.gmailserverauth.domain.model;

import java.util.Objects;

/**
 * What a Gmail push notification says (the {@code data} of the Pub/Sub message): this mailbox changed,
 * and its history has reached at least this id. It carries no change itself.
 */
public record MailboxNotification(EmailAddress emailAddress, HistoryId historyId) {
    public MailboxNotification {
        Objects.requireNonNull(emailAddress, "emailAddress");
        Objects.requireNonNull(historyId, "historyId");
    }
}
