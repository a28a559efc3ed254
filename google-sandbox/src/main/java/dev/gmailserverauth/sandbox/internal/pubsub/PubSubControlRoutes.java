package dev.gmailserverauth.sandbox.internal.pubsub;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.SandboxPubSubControl;
import dev.gmailserverauth.sandbox.SandboxPushDelivery;
import dev.gmailserverauth.sandbox.SandboxPushFault;
import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import dev.gmailserverauth.sandbox.internal.control.ControlRoutes;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** The Pub/Sub part of the control API under {@code /__sandbox/pubsub/} (JSON in and out; see README). */
public final class PubSubControlRoutes {
    private static final String PREFIX = ControlRoutes.PREFIX + "/pubsub";
    private final SandboxPubSubControl control;

    public PubSubControlRoutes(SandboxPubSubControl control) {
        this.control = control;
    }

    public void register(RoutesConfig routes) {
        routes.put(PREFIX + "/subscriptions", ctx -> ControlRoutes.handle(ctx, body -> {
            String name = ControlRoutes.string(body, "name");
            String topic = ControlRoutes.string(body, "topic");
            if (body.has("pushEndpoint")) {
                URI endpoint = URI.create(ControlRoutes.string(body, "pushEndpoint"));
                String audience = body.has("audience") ? ControlRoutes.string(body, "audience") : endpoint.toString();
                control.createPushSubscription(new SandboxPushSubscription(name, topic, endpoint, audience,
                        ControlRoutes.string(body, "serviceAccountEmail")));
            } else {
                control.createPullSubscription(name, topic,
                        Duration.ofSeconds(body.has("ackDeadlineSeconds") ? body.get("ackDeadlineSeconds").getAsLong() : 10));
            }
            return new JsonObject();
        }));
        routes.post(PREFIX + "/push-faults", ctx -> ControlRoutes.handle(ctx, body -> {
            SandboxPushFault.Kind kind = SandboxPushFault.Kind.valueOf(ControlRoutes.string(body, "type").toUpperCase(Locale.ROOT));
            SandboxPushFault fault = kind == SandboxPushFault.Kind.DELAY
                    ? SandboxPushFault.delayed(Duration.ofMillis(body.get("millis").getAsLong())) : SandboxPushFault.of(kind);
            control.injectPushFault(fault, body.has("times") ? body.get("times").getAsInt() : 1);
            return new JsonObject();
        }));
        routes.delete(PREFIX + "/push-faults", ctx -> ControlRoutes.handle(ctx, body -> {
            control.clearPushFaults();
            return new JsonObject();
        }));
        routes.get(PREFIX + "/deliveries", ctx -> ControlRoutes.json(ctx, deliveries()));
        routes.get(PREFIX + "/service-account-key", ctx -> ControlRoutes.json(ctx, JsonParser.parseString(control.serviceAccountKeyFile())));
    }

    private JsonArray deliveries() {
        JsonArray array = new JsonArray();
        for (SandboxPushDelivery d : control.pushDeliveries()) {
            JsonObject o = new JsonObject();
            o.addProperty("messageId", d.messageId());
            o.addProperty("subscription", d.subscription());
            o.addProperty("endpoint", d.endpoint().toString());
            o.addProperty("emailAddress", d.emailAddress());
            o.addProperty("historyId", d.historyId());
            d.fault().ifPresent(f -> o.addProperty("fault", f.name()));
            o.addProperty("attempt", d.attempt());
            o.addProperty("status", d.status());
            d.failure().ifPresent(f -> o.addProperty("failure", f));
            o.addProperty("at", d.at().toString());
            array.add(o);
        }
        return array;
    }
}
