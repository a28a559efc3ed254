package dev.gmailserverauth.sandbox.internal.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mailbox's push watch ({@code users.watch}): the topic, the label filter, and when it ends.
 *
 * @param include true: only changes concerning one of {@code labelIds}; false: all but those (no labels: every change)
 */
record GmailWatch(String topic, List<String> labelIds, boolean include, Instant expiration) {
    GmailWatch {
        Objects.requireNonNull(topic, "topic");
        labelIds = List.copyOf(labelIds);
        Objects.requireNonNull(expiration, "expiration");
    }

    boolean wants(GmailHistoryRecord change) {
        if (labelIds.isEmpty()) return true;
        boolean concerned = labelIds.stream().anyMatch(change::concerns);
        return include == concerned;
    }
}
