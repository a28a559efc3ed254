package dev.gmailserverauth.sandbox.internal.control;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.Counters;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.SandboxAttachment;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The HTTP control API under {@code /__sandbox/} (JSON in, JSON out); see README for the routes. */
public final class ControlRoutes {
    public static final String PREFIX = "/__sandbox";
    private final SandboxControl control;

    public ControlRoutes(SandboxControl control) {
        this.control = control;
    }

    public void register(RoutesConfig routes) {
        routes.get(PREFIX + "/accounts", ctx -> json(ctx, accounts()));
        routes.post(PREFIX + "/accounts", ctx -> handle(ctx, body -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", control.addAccount(string(body, "email"), string(body, "displayName")));
            return o;
        }));
        routes.post(PREFIX + "/accounts/{email}/messages", ctx -> handle(ctx, body -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", control.addMessage(ctx.pathParam("email"), message(body)));
            return o;
        }));
        routes.post(PREFIX + "/accounts/{email}/expire-tokens", ctx -> handle(ctx, body -> {
            control.expireAccessTokens(ctx.pathParam("email"));
            return new JsonObject();
        }));
        routes.post(PREFIX + "/accounts/{email}/revoke-grants", ctx -> handle(ctx, body -> {
            control.revokeGrants(ctx.pathParam("email"));
            return new JsonObject();
        }));
        routes.post(PREFIX + "/faults", ctx -> handle(ctx, body -> {
            control.injectFault(endpoint(string(body, "endpoint")), body.has("times") ? body.get("times").getAsInt() : 1, fault(body));
            return new JsonObject();
        }));
        routes.delete(PREFIX + "/faults", ctx -> handle(ctx, body -> {
            control.clearFaults();
            return new JsonObject();
        }));
        routes.put(PREFIX + "/latency", ctx -> handle(ctx, body -> {
            control.setLatency(Duration.ofMillis(body.get("millis").getAsLong()));
            return new JsonObject();
        }));
        routes.put(PREFIX + "/access-token-lifetime", ctx -> handle(ctx, body -> {
            control.setAccessTokenLifetime(Duration.ofSeconds(body.get("seconds").getAsLong()));
            return new JsonObject();
        }));
        routes.post(PREFIX + "/clock/advance", ctx -> handle(ctx, body -> {
            control.advanceClock(Duration.ofSeconds(body.get("seconds").getAsLong()));
            return new JsonObject();
        }));
        routes.get(PREFIX + "/counters", ctx -> json(ctx, counters(control.counters())));
        routes.post(PREFIX + "/counters/reset", ctx -> handle(ctx, body -> {
            control.resetCounters();
            return new JsonObject();
        }));
        new LimitRoutes(control).register(routes);
    }

    public static void handle(Context ctx, Function<JsonObject, JsonElement> action) {
        try {
            String text = ctx.body();
            JsonObject body = text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
            json(ctx, action.apply(body));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | JsonParseException | java.time.format.DateTimeParseException e) {
            JsonObject error = new JsonObject();
            error.addProperty("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            JavalinAdapter.write(ctx, ApiResponse.json(400, error));
        }
    }

    public static void json(Context ctx, JsonElement body) {
        JavalinAdapter.write(ctx, ApiResponse.json(200, body));
    }

    private JsonElement accounts() {
        JsonArray array = new JsonArray();
        for (String email : control.accounts()) {
            JsonObject o = new JsonObject();
            o.addProperty("email", email);
            o.addProperty("id", control.userId(email));
            o.addProperty("demo", control.demoAccounts().contains(email));
            array.add(o);
        }
        return array;
    }

    static JsonObject counters(Counters c) {
        JsonObject o = new JsonObject();
        JsonObject roundTrips = new JsonObject();
        JsonObject calls = new JsonObject();
        for (Endpoint e : Endpoint.values()) {
            roundTrips.addProperty(e.name(), c.roundTrips(e));
            calls.addProperty(e.name(), c.calls(e));
        }
        o.add("roundTrips", roundTrips);
        o.add("calls", calls);
        o.addProperty("totalRoundTrips", c.totalRoundTrips());
        o.addProperty("refreshes", c.refreshes());
        o.addProperty("codeExchanges", c.codeExchanges());
        o.addProperty("batchParts", c.batchParts());
        return o;
    }

    private static SandboxMessage message(JsonObject b) {
        List<String> labels = b.has("labels") ? strings(b.getAsJsonArray("labels")) : List.of("INBOX", "UNREAD");
        List<SandboxAttachment> attachments = new ArrayList<>();
        if (b.has("attachments")) {
            for (JsonElement e : b.getAsJsonArray("attachments")) {
                JsonObject a = e.getAsJsonObject();
                attachments.add(new SandboxAttachment(string(a, "filename"), string(a, "mimeType"),
                        a.has("base64") ? Base64.getDecoder().decode(string(a, "base64")) : string(a, "text").getBytes(StandardCharsets.UTF_8),
                        optional(a, "contentId")));
            }
        }
        return new SandboxMessage(string(b, "from"), string(b, "to"), b.has("subject") ? string(b, "subject") : "",
                b.has("date") ? Instant.parse(string(b, "date")) : Instant.now(), b.has("text") ? string(b, "text") : "",
                optional(b, "html"), labels, optional(b, "threadId"), attachments);
    }

    private static Fault fault(JsonObject b) {
        String type = string(b, "type").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "http_error" -> new Fault.HttpError(b.get("status").getAsInt(), string(b, "reason"), string(b, "message"),
                    b.has("retryAfterSeconds") ? Optional.of(Duration.ofSeconds(b.get("retryAfterSeconds").getAsLong())) : Optional.empty());
            case "invalid_grant" -> new Fault.InvalidGrant();
            case "malformed_json" -> new Fault.MalformedJson();
            case "delay" -> new Fault.Delay(Duration.ofMillis(b.get("millis").getAsLong()));
            case "drop_connection" -> new Fault.DropConnection();
            case "redirect_error" -> new Fault.RedirectError(string(b, "error"));
            case "reauth_required" -> Fault.reauthRequired();
            default -> throw new IllegalArgumentException("unknown fault type: " + type);
        };
    }

    private static Endpoint endpoint(String name) {
        return Endpoint.valueOf(name.toUpperCase(Locale.ROOT));
    }

    public static String string(JsonObject o, String name) {
        return required(o, name).getAsString();
    }

    static JsonElement required(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException("missing field: " + name);
        return e;
    }

    static Optional<String> optional(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? Optional.of(o.get(name).getAsString()) : Optional.empty();
    }

    public static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
