package dev.gmailserverauth.domain.model;

import java.util.List;
import java.util.Objects;

/** A conversation: its messages, oldest first. */
public record MailThread(ThreadId id, List<Message> messages) {
    public MailThread {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
    }
}
