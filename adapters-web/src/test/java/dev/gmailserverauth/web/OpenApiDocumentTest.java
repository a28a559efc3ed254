package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.World;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document: valid OpenAPI 3.1, complete, honest examples, served without a session. */
class OpenApiDocumentTest {
    private static final List<String> ROUTES = List.of("/api/me", "/api/account", "/api/messages", "/api/messages/{id}",
            "/api/messages/{id}/attachments/{partId}", "/api/threads", "/api/threads/{id}", "/api/labels", "/api/accounts", "/api/openapi.json",
            "/api/sync", "/api/events");

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void isOpenApi31DescribingEveryRouteWithErrorsAndExamples() {
        OpenAPI api = contract.document();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(ROUTES);
        api.getPaths().forEach((path, item) -> {
            assertThat(item.readOperationsMap()).as(path).hasSize(1);
            Operation get = item.getGet();
            assertThat(get.getOperationId()).as(path).isNotBlank();
            assertThat(get.getResponses()).as(path).containsKey("200");
            if (!path.equals("/api/openapi.json")) assertThat(get.getResponses()).as(path).containsKeys("401", "429", "500", "503");
        });
        assertThat(api.getComponents().getSchemas()).containsKeys("Error", "Message", "Attachment", "Thread", "LabelList");
    }

    @Test
    void everyExampleMatchesItsSchema() {
        JsonObject doc = JsonParser.parseString(contract.json()).getAsJsonObject();
        int checked = 0;
        for (Map.Entry<String, JsonElement> path : doc.getAsJsonObject("paths").entrySet()) {
            JsonObject responses = path.getValue().getAsJsonObject().getAsJsonObject("get").getAsJsonObject("responses");
            for (Map.Entry<String, JsonElement> response : responses.entrySet()) {
                JsonObject body = response.getValue().getAsJsonObject();
                if (body.has("$ref")) body = doc.getAsJsonObject("components").getAsJsonObject("responses")
                        .getAsJsonObject(body.get("$ref").getAsString().substring("#/components/responses/".length()));
                JsonObject media = body.getAsJsonObject("content").getAsJsonObject("application/json");
                if (media == null) continue; // an event stream's 200: text/event-stream, checked by EventStreamsApiTest
                String concretePath = path.getKey().replace("{id}", "18f2c1a2b3c4d5e6").replace("{partId}", "1");
                int status = Integer.parseInt(response.getKey());
                if (media.has("example")) {
                    contract.check("GET", concretePath, status, media.get("example").toString());
                    checked++;
                }
                if (media.has("examples")) {
                    for (Map.Entry<String, JsonElement> example : media.getAsJsonObject("examples").entrySet()) {
                        contract.check("GET", concretePath, status, example.getValue().getAsJsonObject().get("value").toString());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void theCheckRefusesWhatTheDocumentDoesNotDescribe() {
        assertThatThrownBy(() -> contract.check("GET", "/api/me", 200, "{\"userId\":1,\"email\":\"a@example.com\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> contract.check("GET", "/api/me", 200, "{\"userId\":\"1\",\"email\":\"a@example.com\",\"extra\":true}"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/api/me", 401, "{\"error\":\"unauthenticated\",\"message\":\"sign in\"}"))
                .as("unauthenticated needs loginUrl").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/api/me", 418, "{\"error\":\"client_error\",\"message\":\"x\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not list");
        assertThatThrownBy(() -> contract.check("GET", "/api/nothing", 404, "{\"error\":\"nope\",\"message\":\"x\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void isServedAtApiOpenapiJsonWithoutASession() {
        TestApp.run(TestApp.app(new World()), browser -> {
            Browser.Response response = browser.get("/api/openapi.json");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(JsonParser.parseString(response.body())).isEqualTo(JsonParser.parseString(contract.json()));
        });
    }
}
