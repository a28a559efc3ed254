package dev.gmailserverauth.domain.event;

import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Scopes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** What an event says beyond its envelope: one record per {@link EventType}. */
public sealed interface EventPayload {

    EventType type();

    /** Takes the payload apart, one function per case. */
    <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
               Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
               Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
               Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected);

    /** A message arrived in the mailbox, with the summary the index holds. */
    record MessageReceived(MessageSummary summary) implements EventPayload {
        public MessageReceived {
            Objects.requireNonNull(summary, "summary");
        }

        @Override
        public EventType type() {
            return EventType.MESSAGE_RECEIVED;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return messageReceived.apply(this);
        }
    }

    /** A message left the mailbox for good (deleted, not merely trashed). */
    record MessageDeleted(MessageId messageId) implements EventPayload {
        public MessageDeleted {
            Objects.requireNonNull(messageId, "messageId");
        }

        @Override
        public EventType type() {
            return EventType.MESSAGE_DELETED;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return messageDeleted.apply(this);
        }
    }

    /** A message's labels changed; the summary carries the labels it has now. */
    record MessageLabelsChanged(MessageSummary summary, Set<LabelId> added, Set<LabelId> removed) implements EventPayload {
        public MessageLabelsChanged {
            Objects.requireNonNull(summary, "summary");
            added = Set.copyOf(added);
            removed = Set.copyOf(removed);
        }

        @Override
        public EventType type() {
            return EventType.MESSAGE_LABELS_CHANGED;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return labelsChanged.apply(this);
        }
    }

    /**
     * The sync could not follow the mailbox's history (Gmail answered 404 for the start point) and read the mailbox
     * again: events between may be missing, so a receiver should reconcile with the API.
     */
    record SyncGapFilled(Instant gapSince, int messagesReconciled) implements EventPayload {
        public SyncGapFilled {
            Objects.requireNonNull(gapSince, "gapSince");
            if (messagesReconciled < 0) throw new IllegalArgumentException("messagesReconciled is negative");
        }

        @Override
        public EventType type() {
            return EventType.SYNC_GAP_FILLED;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return gapFilled.apply(this);
        }
    }

    /** A credential was stored: a first connection, or consent given again ({@code reconnected}). */
    record AccountConnected(Scopes grantedScopes, boolean reconnected, Optional<Instant> accessEndsAt) implements EventPayload {
        public AccountConnected {
            Objects.requireNonNull(grantedScopes, "grantedScopes");
            Objects.requireNonNull(accessEndsAt, "accessEndsAt");
        }

        @Override
        public EventType type() {
            return EventType.ACCOUNT_CONNECTED;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return connected.apply(this);
        }
    }

    /**
     * The grant no longer works until the person goes through Google again: which ending, and what Google said
     * ({@code invalid_grant} and its description, a security event's type such as {@code tokens-revoked}).
     */
    record ReauthorizationRequired(ReauthorizationReason reason, String googleSays) implements EventPayload {
        public ReauthorizationRequired {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(googleSays, "googleSays");
        }

        @Override
        public EventType type() {
            return EventType.ACCOUNT_REAUTHORIZATION_REQUIRED;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return reauthorization.apply(this);
        }
    }

    /** A time-limited grant entered its notice period: it ends at {@code endsAt} unless the person renews it. */
    record AccessEnding(Instant endsAt) implements EventPayload {
        public AccessEnding {
            Objects.requireNonNull(endsAt, "endsAt");
        }

        @Override
        public EventType type() {
            return EventType.ACCOUNT_ACCESS_ENDING;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return accessEnding.apply(this);
        }
    }

    /** The person disconnected the application: the grant was revoked at Google and the credential deleted. */
    record AccountDisconnected() implements EventPayload {
        @Override
        public EventType type() {
            return EventType.ACCOUNT_DISCONNECTED;
        }

        @Override
        public <R> R fold(Function<MessageReceived, R> messageReceived, Function<MessageDeleted, R> messageDeleted,
                          Function<MessageLabelsChanged, R> labelsChanged, Function<SyncGapFilled, R> gapFilled,
                          Function<AccountConnected, R> connected, Function<ReauthorizationRequired, R> reauthorization,
                          Function<AccessEnding, R> accessEnding, Function<AccountDisconnected, R> disconnected) {
            return disconnected.apply(this);
        }
    }
}
