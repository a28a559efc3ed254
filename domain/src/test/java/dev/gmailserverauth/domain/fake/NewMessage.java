package dev.gmailserverauth.domain.fake;

import java.time.Instant;
import java.util.Objects;

/** A message a mailbox test puts into an account before reading it back. */
public record NewMessage(String from, String subject, String body, Instant date, boolean unread) {
    public NewMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(date, "date");
    }
}
