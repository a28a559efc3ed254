package dev.gmailserverauth.sandbox.internal.control;

import static dev.gmailserverauth.sandbox.internal.control.ControlRoutes.PREFIX;
import static dev.gmailserverauth.sandbox.internal.control.ControlRoutes.handle;
import static dev.gmailserverauth.sandbox.internal.control.ControlRoutes.optional;
import static dev.gmailserverauth.sandbox.internal.control.ControlRoutes.required;
import static dev.gmailserverauth.sandbox.internal.control.ControlRoutes.string;
import static dev.gmailserverauth.sandbox.internal.control.ControlRoutes.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxLifecycleControl;
import dev.gmailserverauth.sandbox.SandboxObservation;
import dev.gmailserverauth.sandbox.SandboxRiscDelivery;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.SandboxWorkspacePolicy;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The control API of a grant's life under {@code /__sandbox/} (JSON in, JSON out); see README for the routes. */
final class LifecycleControlRoutes {
    private final SandboxLifecycleControl control;

    public LifecycleControlRoutes(SandboxLifecycleControl control) {
        this.control = control;
    }

    private JsonObject observations() {
        JsonObject o = new JsonObject();
        JsonArray on = new JsonArray();
        control.observations().stream().map(Enum::name).sorted().forEach(on::add);
        o.add("observed", on);
        return o;
    }

    public void register(RoutesConfig routes) {
        routes.get(PREFIX + "/issuer", ctx -> handle(ctx, body -> {
            JsonObject o = new JsonObject();
            o.addProperty("issuer", control.issuer());
            o.addProperty("riscIssuer", control.riscIssuer());
            return o;
        }));
        routes.put(PREFIX + "/clients/{clientId}/publishing-status", ctx -> handle(ctx, body -> {
            control.setPublishingStatus(ctx.pathParam("clientId"),
                    SandboxClient.PublishingStatus.valueOf(string(body, "status").toUpperCase(Locale.ROOT)));
            return new JsonObject();
        }));
        routes.get(PREFIX + "/observations", ctx -> handle(ctx, body -> observations()));
        routes.put(PREFIX + "/observations/{name}", ctx -> handle(ctx, body -> {
            control.observe(SandboxObservation.parse(ctx.pathParam("name")), required(body, "on").getAsBoolean());
            return observations();
        }));
        routes.put(PREFIX + "/accounts/{email}/workspace-policy", ctx -> handle(ctx, body -> {
            control.setWorkspacePolicy(ctx.pathParam("email"), policy(body));
            return new JsonObject();
        }));
        routes.get(PREFIX + "/accounts/{email}/workspace-policy", ctx -> handle(ctx, body -> policy(control.workspacePolicy(ctx.pathParam("email")))));
        routes.post(PREFIX + "/accounts/{email}/require-reauth", ctx -> handle(ctx, body -> {
            control.requireReauthentication(ctx.pathParam("email"));
            return new JsonObject();
        }));
        routes.post(PREFIX + "/accounts/{email}/remove-app-access", ctx -> handle(ctx, body -> {
            JsonObject o = new JsonObject();
            o.addProperty("removed", control.removeAppAccess(ctx.pathParam("email"), optional(body, "clientId").orElse(SandboxClient.DEFAULT_ID)));
            return o;
        }));
        routes.put(PREFIX + "/risc/receiver", ctx -> handle(ctx, body -> {
            URI receiver = URI.create(string(body, "url"));
            if (body.has("eventsRequested")) {
                control.registerRiscReceiver(receiver, strings(body.getAsJsonArray("eventsRequested")).stream()
                        .map(SandboxSecurityEvent.Type::parse).toList());
            } else {
                control.registerRiscReceiver(receiver);
            }
            return new JsonObject();
        }));
        routes.delete(PREFIX + "/risc/receiver", ctx -> handle(ctx, body -> {
            control.unregisterRiscReceiver();
            return new JsonObject();
        }));
        routes.post(PREFIX + "/risc/events", ctx -> handle(ctx, body -> delivery(control.pushSecurityEvent(event(body),
                SandboxSecurityEvent.Tampering.valueOf(optional(body, "tampering").orElse("none").toUpperCase(Locale.ROOT))))));
        routes.get(PREFIX + "/risc/deliveries", ctx -> handle(ctx, body -> {
            JsonArray array = new JsonArray();
            control.riscDeliveries().forEach(d -> array.add(delivery(d)));
            return array;
        }));
        routes.post(PREFIX + "/risc/deliveries/{jti}/replay", ctx -> handle(ctx, body -> delivery(control.replaySecurityEvent(ctx.pathParam("jti")))));
        routes.post(PREFIX + "/keys/rotate", ctx -> handle(ctx, body -> {
            control.rotateSigningKey();
            return new JsonObject();
        }));
    }

    private static SandboxWorkspacePolicy policy(JsonObject b) {
        Optional<Duration> reauth = b.has("reauthEveryMinutes") && !b.get("reauthEveryMinutes").isJsonNull()
                ? Optional.of(Duration.ofMinutes(b.get("reauthEveryMinutes").getAsLong())) : Optional.empty();
        List<String> blocked = b.has("blockedClients") ? strings(b.getAsJsonArray("blockedClients")) : List.of();
        return new SandboxWorkspacePolicy(string(b, "hostedDomain"), reauth, new HashSet<>(blocked));
    }

    private static JsonElement policy(Optional<SandboxWorkspacePolicy> policy) {
        JsonObject o = new JsonObject();
        o.addProperty("managed", policy.isPresent());
        policy.ifPresent(p -> {
            o.addProperty("hostedDomain", p.hostedDomain());
            p.reauthEvery().ifPresent(d -> o.addProperty("reauthEveryMinutes", d.toMinutes()));
            JsonArray blocked = new JsonArray();
            p.blockedClients().stream().sorted().forEach(blocked::add);
            o.add("blockedClients", blocked);
        });
        return o;
    }

    private static SandboxSecurityEvent event(JsonObject b) {
        SandboxSecurityEvent event = new SandboxSecurityEvent(SandboxSecurityEvent.Type.parse(string(b, "type")), optional(b, "email"),
                optional(b, "refreshToken"), optional(b, "reason"), optional(b, "state"), Optional.empty());
        SandboxSecurityEvent formatted = optional(b, "subjectFormat").map(SandboxSecurityEvent.SubjectFormat::parse)
                .map(event::withSubjectFormat).orElse(event);
        return optional(b, "audience").map(formatted::withAudience).orElse(formatted);
    }

    static JsonObject delivery(SandboxRiscDelivery d) {
        JsonObject o = new JsonObject();
        o.addProperty("jti", d.jti());
        o.addProperty("type", d.type().uri());
        o.addProperty("audience", d.audience());
        o.addProperty("receiver", d.receiver().toString());
        o.addProperty("tampering", d.tampering().name().toLowerCase(Locale.ROOT));
        o.addProperty("replay", d.replay());
        o.addProperty("status", d.status());
        o.addProperty("responseBody", d.responseBody());
        d.failure().ifPresent(f -> o.addProperty("failure", f));
        o.addProperty("at", d.at().toString());
        o.addProperty("token", d.token());
        return o;
    }
}
