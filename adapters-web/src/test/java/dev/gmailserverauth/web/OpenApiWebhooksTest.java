package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.domain.event.EventType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The OpenAPI 3.1 {@code webhooks} section: one per event type, each with its payload and an example that matches it. */
class OpenApiWebhooksTest {
    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void describesEveryEventType() {
        OpenAPI api = contract.document();
        assertThat(api.getWebhooks().keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::wireName).toList());
        api.getWebhooks().forEach((type, item) -> {
            assertThat(item.readOperationsMap()).as(type).containsOnlyKeys(PathItem.HttpMethod.POST);
            assertThat(item.getPost().getParameters()).as(type).extracting(parameter -> parameter.getName())
                    .containsExactlyInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature");
            assertThat(item.getPost().getRequestBody().getContent().get("application/json").getSchema().get$ref()).as(type).isNotBlank();
        });
    }

    @Test
    void everyExampleMatchesItsPayloadSchema() {
        JsonObject webhooks = JsonParser.parseString(contract.json()).getAsJsonObject().getAsJsonObject("webhooks");
        for (EventType type : EventType.values()) {
            JsonObject media = webhooks.getAsJsonObject(type.wireName()).getAsJsonObject("post").getAsJsonObject("requestBody")
                    .getAsJsonObject("content").getAsJsonObject("application/json");
            JsonObject example = media.getAsJsonObject("example");
            assertThat(example.get("type").getAsString()).isEqualTo(type.wireName());
            contract.checkAgainst(media.getAsJsonObject("schema").get("$ref").getAsString(), example.toString());
        }
    }

    @Test
    void aPayloadOfAnotherTypeOrWithoutItsDataDoesNotMatch() {
        String disconnected = "{\"id\":\"evt_3Jq0v0mBSb6u1cXk5w2PZg\",\"type\":\"account.disconnected\",\"timestamp\":\"2026-12-06T08:15:02Z\","
                + "\"account\":{\"id\":\"1\",\"email\":\"a@example.com\"},\"sequence\":1,\"data\":{}}";
        contract.checkAgainst("#/components/schemas/AccountDisconnectedEvent", disconnected);
        assertThatThrownBy(() -> contract.checkAgainst("#/components/schemas/AccountConnectedEvent", disconnected)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.checkAgainst("#/components/schemas/AccountDisconnectedEvent", disconnected.replace("\"sequence\":1", "\"sequence\":0")))
                .isInstanceOf(AssertionError.class);
    }
}
