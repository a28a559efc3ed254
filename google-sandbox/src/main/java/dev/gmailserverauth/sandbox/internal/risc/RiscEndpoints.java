package dev.gmailserverauth.sandbox.internal.risc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.IdentityState;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Google's side of Cross-Account Protection over HTTP: {@code GET /.well-known/risc-configuration} and the stream
 * management API Google serves at {@code https://risc.googleapis.com/v1beta/…} ({@code stream}, {@code stream:update},
 * {@code stream:verify}, {@code stream/status}, {@code stream/status:update}, {@code subjects:add|remove}).
 * The management calls want an {@code Authorization: Bearer} header (Google: a service account's JWT; the sandbox
 * takes any value).
 */
final class RiscEndpoints {
    public static final String CONFIGURATION_PATH = "/.well-known/risc-configuration";
    public static final String STREAM = "/v1beta/stream";
    public static final String STREAM_UPDATE = "/v1beta/stream:update";
    public static final String STREAM_VERIFY = "/v1beta/stream:verify";
    public static final String STATUS = "/v1beta/stream/status";
    public static final String STATUS_UPDATE = "/v1beta/stream/status:update";
    public static final String SUBJECTS_ADD = "/v1beta/subjects:add";
    public static final String SUBJECTS_REMOVE = "/v1beta/subjects:remove";
    public static final String JWKS_PATH = "/oauth2/v3/certs";

    private final IdentityState identity;

    public RiscEndpoints(IdentityState identity) {
        this.identity = identity;
    }

    /** The discovery document, with the sandbox's own URLs in Google's field names. */
    public ApiResponse configuration(ApiRequest request) {
        String base = identity.issuer().oidc();
        JsonObject o = new JsonObject();
        o.addProperty("issuer", identity.issuer().risc());
        o.addProperty("jwks_uri", base + JWKS_PATH);
        JsonArray methods = new JsonArray();
        methods.add(RiscStream.PUSH);
        o.add("delivery_methods_supported", methods);
        o.addProperty("configuration_endpoint", base + STREAM);
        o.addProperty("status_endpoint", base + STATUS);
        o.addProperty("verification_endpoint", base + STREAM_VERIFY);
        o.addProperty("add_subject_endpoint", base + SUBJECTS_ADD);
        o.addProperty("remove_subject_endpoint", base + SUBJECTS_REMOVE);
        return ApiResponse.json(200, o);
    }

    /** The signing keys' public halves (ID tokens and security event tokens). */
    public ApiResponse jwks(ApiRequest request) {
        return new ApiResponse(200, ApiResponse.JSON, java.util.Map.of(),
                identity.keys().publicJwks().toString(true).getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse stream(ApiRequest request) {
        return authorized(request).orElseGet(() -> identity.riscStream().registration()
                .map(r -> ApiResponse.json(200, describe(r)))
                .orElseGet(() -> error(404, "Project has no RISC configuration.")));
    }

    public ApiResponse update(ApiRequest request) {
        Optional<ApiResponse> refused = authorized(request);
        if (refused.isPresent()) return refused.get();
        Optional<JsonObject> body = body(request);
        if (body.isEmpty()) return error(400, "Invalid JSON payload received.");
        JsonElement delivery = body.get().get("delivery");
        if (delivery == null || !delivery.isJsonObject()) return error(400, "Stream configuration must contain delivery field.");
        Optional<String> method = text(delivery.getAsJsonObject(), "delivery_method");
        if (method.isEmpty()) return error(400, "Stream configuration must contain delivery_method field.");
        if (!method.get().equals(RiscStream.PUSH)) return error(400, "Unsupported delivery method: " + method.get());
        Optional<URI> url = text(delivery.getAsJsonObject(), "url").flatMap(RiscEndpoints::absoluteUrl);
        if (url.isEmpty()) return error(400, "Stream configuration must contain url field.");
        JsonElement requested = body.get().get("events_requested");
        if (requested == null || !requested.isJsonArray() || requested.getAsJsonArray().isEmpty()) {
            return error(400, "Stream configuration must contain events_requested field.");
        }
        Set<SandboxSecurityEvent.Type> types = EnumSet.noneOf(SandboxSecurityEvent.Type.class);
        for (JsonElement e : requested.getAsJsonArray()) {
            Optional<SandboxSecurityEvent.Type> type = eventType(e);
            if (type.isEmpty()) return error(400, "Unsupported event type: " + e);
            types.add(type.get());
        }
        identity.riscStream().register(url.get(), types);
        return ApiResponse.json(200, describe(identity.riscStream().registration().orElseThrow()));
    }

    /** Pushes a {@code verification} event with the given {@code state}, after answering. */
    public ApiResponse verify(ApiRequest request) {
        Optional<ApiResponse> refused = authorized(request);
        if (refused.isPresent()) return refused.get();
        if (identity.riscStream().registration().isEmpty()) return error(404, "Project has no RISC configuration.");
        String state = body(request).flatMap(b -> text(b, "state")).orElse("");
        identity.risc().pushInBackground(SandboxSecurityEvent.verification(state));
        return ApiResponse.json(200, new JsonObject());
    }

    public ApiResponse status(ApiRequest request) {
        return authorized(request).orElseGet(() -> identity.riscStream().registration()
                .map(r -> ApiResponse.json(200, status(r.enabled())))
                .orElseGet(() -> error(404, "Project has no RISC configuration.")));
    }

    public ApiResponse updateStatus(ApiRequest request) {
        Optional<ApiResponse> refused = authorized(request);
        if (refused.isPresent()) return refused.get();
        if (identity.riscStream().registration().isEmpty()) {
            return error(404, "Project has no existing RISC configuration, cannot update status.");
        }
        Optional<String> wanted = body(request).flatMap(b -> text(b, "status"));
        if (wanted.isEmpty() || !(wanted.get().equals("enabled") || wanted.get().equals("disabled"))) {
            return error(403, "Unsupported status.");
        }
        identity.riscStream().setEnabled(wanted.get().equals("enabled"));
        return ApiResponse.json(200, status(wanted.get().equals("enabled")));
    }

    /** {@code subjects:add} and {@code subjects:remove}: accepted, and change nothing (Google sends events for every user of the app). */
    public ApiResponse subjects(ApiRequest request) {
        Optional<ApiResponse> refused = authorized(request);
        if (refused.isPresent()) return refused.get();
        if (body(request).filter(b -> b.has("subject")).isEmpty()) return error(400, "Request must contain subject field.");
        return ApiResponse.json(200, new JsonObject());
    }

    private static Optional<ApiResponse> authorized(ApiRequest request) {
        boolean bearer = request.header("Authorization").filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .filter(v -> !v.substring(7).isBlank()).isPresent();
        return bearer ? Optional.empty() : Optional.of(error(401, "Unauthorized."));
    }

    private static JsonObject describe(RiscStream.Registration r) {
        JsonObject delivery = new JsonObject();
        delivery.addProperty("delivery_method", RiscStream.PUSH);
        delivery.addProperty("url", r.receiver().toString());
        JsonArray events = new JsonArray();
        r.eventsRequested().stream().sorted().forEach(t -> events.add(t.uri()));
        JsonObject o = new JsonObject();
        o.add("delivery", delivery);
        o.add("events_requested", events);
        return o;
    }

    private static JsonObject status(boolean enabled) {
        JsonObject o = new JsonObject();
        o.addProperty("status", enabled ? "enabled" : "disabled");
        return o;
    }

    private static Optional<SandboxSecurityEvent.Type> eventType(JsonElement e) {
        if (!e.isJsonPrimitive()) return Optional.empty();
        String uri = e.getAsString();
        for (SandboxSecurityEvent.Type t : SandboxSecurityEvent.Type.values()) if (t.uri().equals(uri)) return Optional.of(t);
        return Optional.empty();
    }

    private static Optional<URI> absoluteUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonObject> body(ApiRequest request) {
        try {
            JsonElement e = JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8));
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }

    private static ApiResponse error(int code, String message) {
        return GoogleErrors.error(code, message, GoogleErrors.Item.of(message, "global", reason(code)), Optional.empty());
    }

    private static String reason(int code) {
        return switch (code) {
            case 401 -> "authError";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            default -> "badRequest";
        };
    }
}
