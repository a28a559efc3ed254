package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.Endpoint;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of the Gmail v1 resources the sandbox serves, as the discovery document names them, so that a
 * {@code fields=} selection naming a field that does not exist is refused as Google refuses it.
 */
final class GmailSchema {
    private static final String SCALAR = "";
    private static final Map<String, Map<String, String>> TYPES = Map.ofEntries(
            Map.entry("ListMessagesResponse", Map.of("messages", "Message", "nextPageToken", SCALAR, "resultSizeEstimate", SCALAR)),
            Map.entry("ListThreadsResponse", Map.of("threads", "Thread", "nextPageToken", SCALAR, "resultSizeEstimate", SCALAR)),
            Map.entry("Message", Map.of("id", SCALAR, "threadId", SCALAR, "labelIds", SCALAR, "snippet", SCALAR, "historyId", SCALAR,
                    "internalDate", SCALAR, "payload", "MessagePart", "sizeEstimate", SCALAR, "raw", SCALAR,
                    "classificationLabelValues", SCALAR)),
            Map.entry("MessagePart", Map.of("partId", SCALAR, "mimeType", SCALAR, "filename", SCALAR, "headers", "MessagePartHeader",
                    "body", "MessagePartBody", "parts", "MessagePart")),
            Map.entry("MessagePartHeader", Map.of("name", SCALAR, "value", SCALAR)),
            Map.entry("MessagePartBody", Map.of("attachmentId", SCALAR, "size", SCALAR, "data", SCALAR)),
            Map.entry("Thread", Map.of("id", SCALAR, "snippet", SCALAR, "historyId", SCALAR, "messages", "Message")),
            Map.entry("ListLabelsResponse", Map.of("labels", "Label")),
            Map.entry("Label", Map.ofEntries(Map.entry("id", SCALAR), Map.entry("name", SCALAR), Map.entry("type", SCALAR),
                    Map.entry("messageListVisibility", SCALAR), Map.entry("labelListVisibility", SCALAR),
                    Map.entry("messagesTotal", SCALAR), Map.entry("messagesUnread", SCALAR), Map.entry("threadsTotal", SCALAR),
                    Map.entry("threadsUnread", SCALAR), Map.entry("color", "LabelColor"))),
            Map.entry("LabelColor", Map.of("textColor", SCALAR, "backgroundColor", SCALAR)),
            Map.entry("Profile", Map.of("emailAddress", SCALAR, "messagesTotal", SCALAR, "threadsTotal", SCALAR, "historyId", SCALAR)),
            Map.entry("ListHistoryResponse", Map.of("history", "History", "historyId", SCALAR, "nextPageToken", SCALAR)),
            Map.entry("History", Map.of("id", SCALAR, "messages", "Message", "messagesAdded", "HistoryMessageChange",
                    "messagesDeleted", "HistoryMessageChange", "labelsAdded", "HistoryLabelChange", "labelsRemoved", "HistoryLabelChange")),
            Map.entry("HistoryMessageChange", Map.of("message", "Message")),
            Map.entry("HistoryLabelChange", Map.of("message", "Message", "labelIds", SCALAR)),
            Map.entry("WatchResponse", Map.of("historyId", SCALAR, "expiration", SCALAR)),
            Map.entry("Empty", Map.of()));

    private GmailSchema() {}

    /** A resource type: its field names and, for each object-valued field, the type of that object. */
    public record Type(String name) {
        public Type {
            if (!TYPES.containsKey(name)) throw new IllegalArgumentException("no such Gmail resource type: " + name);
        }

        public Set<String> fieldNames() {
            return TYPES.get(name).keySet();
        }

        public boolean has(String field) {
            return TYPES.get(name).containsKey(field);
        }

        /** The type of an object-valued field; empty for a scalar (or a list of scalars) and for unknown fields. */
        public Optional<Type> typeOf(String field) {
            return Optional.ofNullable(TYPES.get(name).get(field)).filter(t -> !t.isEmpty()).map(Type::new);
        }
    }

    /** The resource a successful call of that method answers with. */
    public static Type responseOf(Endpoint endpoint) {
        return new Type(switch (endpoint) {
            case MESSAGES_LIST -> "ListMessagesResponse";
            case MESSAGES_GET -> "Message";
            case ATTACHMENTS_GET -> "MessagePartBody";
            case THREADS_LIST -> "ListThreadsResponse";
            case THREADS_GET -> "Thread";
            case LABELS_LIST -> "ListLabelsResponse";
            case LABELS_GET -> "Label";
            case PROFILE -> "Profile";
            case HISTORY_LIST -> "ListHistoryResponse";
            case WATCH -> "WatchResponse";
            case STOP -> "Empty";
            default -> throw new IllegalArgumentException("not a Gmail method: " + endpoint);
        });
    }
}
