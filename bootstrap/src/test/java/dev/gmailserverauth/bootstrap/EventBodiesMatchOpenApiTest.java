package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.event.ReauthorizationReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.FreshDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JSON the outbox writes, for every event type, is what the OpenAPI document's {@code webhooks} section describes: it
 * matches the schema, and the document's example shows only fields that are sent (for the sync's events, every one), so the
 * examples cannot fall behind.
 */
class EventBodiesMatchOpenApiTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00.123Z");
    private static final String SCHEMAS = "classpath:openapi.json#/components/schemas/";

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.sqlite();

    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());

    private static String schemaOf(EventType type) {
        return switch (type) {
            case MESSAGE_RECEIVED -> "MessageReceivedEvent";
            case MESSAGE_DELETED -> "MessageDeletedEvent";
            case MESSAGE_LABELS_CHANGED -> "MessageLabelsChangedEvent";
            case SYNC_GAP_FILLED -> "SyncGapFilledEvent";
            case ACCOUNT_CONNECTED -> "AccountConnectedEvent";
            case ACCOUNT_REAUTHORIZATION_REQUIRED -> "ReauthorizationRequiredEvent";
            case ACCOUNT_ACCESS_ENDING -> "AccessEndingEvent";
            case ACCOUNT_DISCONNECTED -> "AccountDisconnectedEvent";
        };
    }

    /** The example the OpenAPI document gives for this type's webhook. */
    private static JsonElement example(EventType type) {
        try (InputStream in = EventBodiesMatchOpenApiTest.class.getResourceAsStream("/openapi.json")) {
            JsonObject document = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return document.getAsJsonObject("webhooks").getAsJsonObject(type.wireName()).getAsJsonObject("post").getAsJsonObject("requestBody")
                    .getAsJsonObject("content").getAsJsonObject("application/json").get("example");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field path of a JSON value ({@code data.message.labelIds[]}), with the kind of value it holds. */
    private static Set<String> fieldsOf(JsonElement json, String path) {
        Set<String> fields = new TreeSet<>();
        if (json.isJsonObject()) {
            json.getAsJsonObject().entrySet().forEach(field -> fields.addAll(fieldsOf(field.getValue(), path + "." + field.getKey())));
        } else if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(item -> fields.addAll(fieldsOf(item, path + "[]")));
            fields.add(path + ": array");
        } else {
            fields.add(path + ": " + (json.isJsonNull() ? "null" : json.getAsJsonPrimitive().isNumber() ? "number"
                    : json.getAsJsonPrimitive().isBoolean() ? "boolean" : "string"));
        }
        return fields;
    }

    @Test
    void everyEventTypesBodyMatchesItsSchema() {
        MessageSummary summary = new MessageSummary(new MessageId("18f2c1a2b3c4d5e6"), new ThreadId("18f2c1a2b3c4d5e6"), "Caf\u00e9 \"quoted\"",
                "Bob <bob@example.com>", NOW, "snippet\nwith a line break", Set.of(LabelId.INBOX, LabelId.UNREAD));
        List<EventPayload> payloads = List.of(
                new EventPayload.MessageReceived(summary),
                new EventPayload.MessageDeleted(new MessageId("18f2c1a2b3c4d5e6")),
                new EventPayload.MessageLabelsChanged(summary, Set.of(LabelId.STARRED), Set.of(LabelId.UNREAD)),
                new EventPayload.SyncGapFilled(NOW.minusSeconds(3600), 12),
                new EventPayload.AccountConnected(Scopes.REQUESTED, true, Optional.of(NOW.plusSeconds(86_400))),
                new EventPayload.ReauthorizationRequired(ReauthorizationReason.REVOKED, "invalid_grant: Token has been expired or revoked."),
                new EventPayload.AccessEnding(NOW.plusSeconds(86_400)),
                new EventPayload.AccountDisconnected());
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        for (EventPayload payload : payloads) {
            AccountEvent event = database.get().events().append(new NewEvent(new UserId("108234567890123456789"),
                    new EmailAddress("alice@example.com"), NOW, payload));
            var errors = registry.getSchema(SchemaLocation.of(SCHEMAS + schemaOf(event.type())))
                    .validate(event.body(), InputFormat.JSON, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
            assertThat(errors).as(event.body()).isEmpty();
            assertThat(event.body()).contains("\"id\":\"" + event.id().value() + "\"", "\"sequence\":" + event.sequence());
            Set<String> sent = fieldsOf(JsonParser.parseString(event.body()), "");
            Set<String> shown = fieldsOf(example(event.type()), "");
            assertThat(sent).as("every field of the example of " + event.type().wireName() + " is sent, with its kind").containsAll(shown);
            // The sync's events have no optional field: their examples show everything (account.connected's accessEndsAt is optional).
            if (event.type().wireName().startsWith("message.") || event.type() == EventType.SYNC_GAP_FILLED) {
                assertThat(shown).as("the example of " + event.type().wireName() + " shows every field sent").containsExactlyInAnyOrderElementsOf(sent);
            }
            seen.add(event.type());
        }
        assertThat(seen).containsExactlyInAnyOrder(EventType.values());
    }
}
