package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One row of a message list: enough to show it without fetching the body. */
public record MessageSummary(
        MessageId id,
        ThreadId threadId,
        String subject,
        String from,
        Instant date,
        String snippet,
        Set<LabelId> labelIds) {

    public MessageSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(snippet, "snippet");
        labelIds = Set.copyOf(labelIds);
    }

    /** The same message with {@code labels} instead of its own. */
    public MessageSummary withLabels(Set<LabelId> labels) {
        return new MessageSummary(id, threadId, subject, from, date, snippet, labels);
    }

    public boolean unread() {
        return labelIds.contains(LabelId.UNREAD);
    }

    public boolean starred() {
        return labelIds.contains(LabelId.STARRED);
    }
}
