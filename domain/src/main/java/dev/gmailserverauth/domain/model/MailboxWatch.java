package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A push watch on a mailbox ({@code users.watch}): the history id it starts from and when Google ends it. */
public record MailboxWatch(HistoryId historyId, Instant expiration) {
    public MailboxWatch {
        Objects.requireNonNull(historyId, "historyId");
        Objects.requireNonNull(expiration, "expiration");
    }
}
