package dev.gmailserverauth.sandbox.internal.history;

import java.time.Instant;
import java.util.List;

/**
 * One change in a mailbox's history: its id, when it happened, what happened to which message, the message's
 * labels after the change, and (for label changes) the labels added or removed.
 */
record GmailHistoryRecord(long id, Instant at, Type type, String messageId, String threadId, List<String> labelsAfter,
                     List<String> changedLabels) {
    GmailHistoryRecord {
        labelsAfter = List.copyOf(labelsAfter);
        changedLabels = List.copyOf(changedLabels);
    }

    /** The four history types, with the name Gmail's {@code historyTypes} parameter and JSON use. */
    enum Type {
        MESSAGE_ADDED("messageAdded", "messagesAdded"),
        MESSAGE_DELETED("messageDeleted", "messagesDeleted"),
        LABEL_ADDED("labelAdded", "labelsAdded"),
        LABEL_REMOVED("labelRemoved", "labelsRemoved");

        private final String parameter;
        private final String field;

        Type(String parameter, String field) {
            this.parameter = parameter;
            this.field = field;
        }

        String parameter() {
            return parameter;
        }

        String field() {
            return field;
        }
    }

    /** Whether {@code labelId=} selects this record: the message carries the label, or the change was that label. */
    boolean concerns(String labelId) {
        return labelsAfter.contains(labelId) || changedLabels.contains(labelId);
    }
}
