package dev.gmailserverauth.persistence.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageSummary;
import java.time.Instant;
import java.util.Collection;

/**
 * The JSON document of an event, as the Standard Webhooks specification recommends ({@code type}, {@code timestamp},
 * {@code data}) plus the envelope a receiver orders and deduplicates by ({@code id}, {@code account}, {@code sequence}).
 * Written once, when the event enters the outbox; the OpenAPI document's {@code webhooks} section describes it.
 */
final class EventBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBodies() {
    }

    static String of(EventId id, long sequence, NewEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id.value());
        body.put("type", event.type().wireName());
        body.put("timestamp", instant(event.occurredAt()));
        ObjectNode account = body.putObject("account");
        account.put("id", event.account().value());
        account.put("email", event.email().value());
        body.put("sequence", sequence);
        body.set("data", data(event.payload()));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static ObjectNode data(EventPayload payload) {
        ObjectNode data = JSON.createObjectNode();
        payload.<ObjectNode>fold(
                received -> data.set("message", message(received.summary())),
                deleted -> data.put("messageId", deleted.messageId().value()),
                changed -> {
                    data.set("message", message(changed.summary()));
                    data.set("labelsAdded", labels(changed.added()));
                    return data.set("labelsRemoved", labels(changed.removed()));
                },
                gap -> {
                    data.put("gapSince", instant(gap.gapSince()));
                    return data.put("messagesReconciled", gap.messagesReconciled());
                },
                connected -> {
                    ArrayNode scopes = data.putArray("grantedScopes");
                    connected.grantedScopes().values().stream().map(scope -> scope.value()).sorted().forEach(scopes::add);
                    data.put("reconnected", connected.reconnected());
                    connected.accessEndsAt().ifPresent(end -> data.put("accessEndsAt", instant(end)));
                    return data;
                },
                reauthorization -> {
                    data.put("reason", reauthorization.reason().wireName());
                    return data.put("googleSays", reauthorization.googleSays());
                },
                ending -> data.put("endsAt", instant(ending.endsAt())),
                disconnected -> data);
        return data;
    }

    private static ObjectNode message(MessageSummary summary) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", summary.id().value());
        message.put("threadId", summary.threadId().value());
        message.put("from", summary.from());
        message.put("subject", summary.subject());
        message.put("date", instant(summary.date()));
        message.put("snippet", summary.snippet());
        message.set("labelIds", labels(summary.labelIds()));
        return message;
    }

    private static ArrayNode labels(Collection<LabelId> labels) {
        ArrayNode array = JSON.createArrayNode();
        labels.stream().map(LabelId::value).sorted().forEach(array::add);
        return array;
    }

    /** RFC 3339 in UTC, as {@link Instant#toString()} writes it. */
    private static String instant(Instant instant) {
        return instant.toString();
    }
}
