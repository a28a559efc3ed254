package dev.gmailserverauth.domain.model;

import java.util.List;

/**
 * The summaries a mailbox could give for the ids asked, in the order asked, and the ids it could not give
 * in time (its per-user limits refused them until the request's deadline). Messages that no longer exist
 * are in neither list. {@link #missing()} is empty when the answer is complete.
 */
public record Summaries(List<MessageSummary> found, List<MessageId> missing) {
    public Summaries {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
    }

    /** Every summary asked for (less any deleted message). */
    public static Summaries complete(List<MessageSummary> found) {
        return new Summaries(found, List.of());
    }

    public boolean isComplete() {
        return missing.isEmpty();
    }
}
