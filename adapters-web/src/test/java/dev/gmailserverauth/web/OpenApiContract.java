package dev.gmailserverauth.web;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API's OpenAPI document ({@code /api/openapi.json}, a resource of the module), parsed by
 * swagger-parser, and every JSON answer of an {@code /api/} route checked against it with networknt's
 * JSON Schema validator (OpenAPI 3.1 dialect, formats asserted): the route and method must be described,
 * the status must be one the operation lists (an unknown route or method answers the {@code Error}
 * schema), and the body must match that response's schema.
 */
final class OpenApiContract {
    private static final String RESOURCE = "openapi.json";
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final String json;
    private final OpenAPI openApi;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());

    private OpenApiContract() {
        json = resource();
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException("openapi.json does not parse as OpenAPI: " + result.getMessages());
        }
        openApi = result.getOpenAPI();
    }

    static OpenApiContract get() {
        return INSTANCE;
    }

    OpenAPI document() {
        return openApi;
    }

    String json() {
        return json;
    }

    /** Fails the test unless the document describes this answer. */
    void check(String method, String path, int status, String body) {
        String schema = schemaPointer(method, path, status);
        List<Error> errors = errors(schema, body);
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " → " + status + " does not match " + schema + ": " + errors + "\n" + body);
        }
    }

    /** Fails the test unless {@code body} matches the schema at {@code pointer} ({@code #/components/schemas/...}). */
    void checkAgainst(String pointer, String body) {
        List<Error> errors = errors(pointer, body);
        if (!errors.isEmpty()) throw new AssertionError(body + " does not match " + pointer + ": " + errors);
    }

    private List<Error> errors(String pointer, String body) {
        Schema validator = registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + pointer));
        return validator.validate(body, InputFormat.JSON, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    /** The JSON pointer of the schema the answer must match. */
    private String schemaPointer(String method, String path, int status) {
        Optional<Map.Entry<String, PathItem>> template = openApi.getPaths().entrySet().stream()
                .filter(entry -> matches(entry.getKey(), path)).findFirst();
        if (template.isEmpty()) return ERROR_SCHEMA;
        Operation operation = template.get().getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
        if (operation == null) return ERROR_SCHEMA;
        String code = String.valueOf(status);
        ApiResponse response = operation.getResponses().get(code);
        if (response == null) {
            throw new AssertionError(method + " " + template.get().getKey() + " answered " + status + ", which the OpenAPI document does not list");
        }
        String inline = "#/paths/" + escape(template.get().getKey()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + code;
        if (response.get$ref() != null) {
            inline = response.get$ref();
            response = openApi.getComponents().getResponses().get(response.get$ref().substring("#/components/responses/".length()));
        }
        MediaType media = response.getContent().get("application/json");
        if (media == null) throw new AssertionError(method + " " + path + " → " + status + " has no JSON body in the document");
        return media.getSchema().get$ref() != null ? media.getSchema().get$ref() : inline + "/content/application~1json/schema";
    }

    /** A path template ({@code /api/messages/{id}}) against a request path, segment by segment. */
    private static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) return false;
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (parameter ? actual[i].isEmpty() : !expected[i].equals(actual[i])) return false;
        }
        return true;
    }

    /** A path as one JSON pointer token inside a URI fragment. */
    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static String resource() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
