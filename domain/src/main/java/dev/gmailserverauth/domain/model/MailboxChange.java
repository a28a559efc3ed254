package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** One change in a mailbox's history (a record of Gmail's {@code history.list}), as the sync applies it. */
public sealed interface MailboxChange {

    MessageId message();

    /** Takes the change apart: exactly one function runs. */
    <R> R fold(Function<MessageAdded, R> added, Function<MessageDeleted, R> deleted,
            Function<LabelsAdded, R> labelsAdded, Function<LabelsRemoved, R> labelsRemoved);

    /** {@code messagesAdded}: a message arrived (or was created) with these labels. */
    record MessageAdded(MessageId message, ThreadId thread, Set<LabelId> labels) implements MailboxChange {
        public MessageAdded {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(thread, "thread");
            labels = Set.copyOf(labels);
        }

        @Override
        public <R> R fold(Function<MessageAdded, R> added, Function<MessageDeleted, R> deleted,
                Function<LabelsAdded, R> labelsAdded, Function<LabelsRemoved, R> labelsRemoved) {
            return added.apply(this);
        }
    }

    /** {@code messagesDeleted}: the message is gone for good (not merely moved to the trash). */
    record MessageDeleted(MessageId message) implements MailboxChange {
        public MessageDeleted {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public <R> R fold(Function<MessageAdded, R> added, Function<MessageDeleted, R> deleted,
                Function<LabelsAdded, R> labelsAdded, Function<LabelsRemoved, R> labelsRemoved) {
            return deleted.apply(this);
        }
    }

    /** {@code labelsAdded}: these labels were put on the message. */
    record LabelsAdded(MessageId message, Set<LabelId> labels) implements MailboxChange {
        public LabelsAdded {
            Objects.requireNonNull(message, "message");
            labels = Set.copyOf(labels);
        }

        @Override
        public <R> R fold(Function<MessageAdded, R> added, Function<MessageDeleted, R> deleted,
                Function<LabelsAdded, R> labelsAdded, Function<LabelsRemoved, R> labelsRemoved) {
            return labelsAdded.apply(this);
        }
    }

    /** {@code labelsRemoved}: these labels were taken off the message. */
    record LabelsRemoved(MessageId message, Set<LabelId> labels) implements MailboxChange {
        public LabelsRemoved {
            Objects.requireNonNull(message, "message");
            labels = Set.copyOf(labels);
        }

        @Override
        public <R> R fold(Function<MessageAdded, R> added, Function<MessageDeleted, R> deleted,
                Function<LabelsAdded, R> labelsAdded, Function<LabelsRemoved, R> labelsRemoved) {
            return labelsRemoved.apply(this);
        }
    }
}
