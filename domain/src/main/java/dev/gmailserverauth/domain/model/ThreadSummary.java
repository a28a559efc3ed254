package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** One row of a thread list. */
public record ThreadSummary(ThreadId id, String snippet) {
    public ThreadSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(snippet, "snippet");
    }
}
