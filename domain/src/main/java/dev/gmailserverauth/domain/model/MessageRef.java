package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** What a message list names of each message: its id and its thread. */
public record MessageRef(MessageId id, ThreadId threadId) {
    public MessageRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(threadId, "threadId");
    }
}
