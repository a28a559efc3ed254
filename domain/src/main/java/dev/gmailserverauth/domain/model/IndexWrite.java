package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** One change to the local index of a mailbox. Every write is idempotent: applying it twice changes nothing more. */
public sealed interface IndexWrite {

    MessageId message();

    /** Takes the write apart: exactly one function runs. */
    <R> R fold(Function<Put, R> put, Function<Remove, R> remove, Function<AddLabels, R> addLabels, Function<RemoveLabels, R> removeLabels);

    /** Stores the summary, replacing what the index held for the message. */
    record Put(MessageSummary summary) implements IndexWrite {
        public Put {
            Objects.requireNonNull(summary, "summary");
        }

        @Override
        public MessageId message() {
            return summary.id();
        }

        @Override
        public <R> R fold(Function<Put, R> put, Function<Remove, R> remove, Function<AddLabels, R> addLabels, Function<RemoveLabels, R> removeLabels) {
            return put.apply(this);
        }
    }

    /** Forgets the message. */
    record Remove(MessageId message) implements IndexWrite {
        public Remove {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public <R> R fold(Function<Put, R> put, Function<Remove, R> remove, Function<AddLabels, R> addLabels, Function<RemoveLabels, R> removeLabels) {
            return remove.apply(this);
        }
    }

    /** Puts labels on the message, if the index holds it. */
    record AddLabels(MessageId message, Set<LabelId> labels) implements IndexWrite {
        public AddLabels {
            Objects.requireNonNull(message, "message");
            labels = Set.copyOf(labels);
        }

        @Override
        public <R> R fold(Function<Put, R> put, Function<Remove, R> remove, Function<AddLabels, R> addLabels, Function<RemoveLabels, R> removeLabels) {
            return addLabels.apply(this);
        }
    }

    /** Takes labels off the message, if the index holds it. */
    record RemoveLabels(MessageId message, Set<LabelId> labels) implements IndexWrite {
        public RemoveLabels {
            Objects.requireNonNull(message, "message");
            labels = Set.copyOf(labels);
        }

        @Override
        public <R> R fold(Function<Put, R> put, Function<Remove, R> remove, Function<AddLabels, R> addLabels, Function<RemoveLabels, R> removeLabels) {
            return removeLabels.apply(this);
        }
    }
}
