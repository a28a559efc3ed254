package dev.gmailserverauth.sandbox.internal.control;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.LimitUsage;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import io.javalin.config.RoutesConfig;
import java.time.Duration;

/** The control API's routes for Gmail's per-user limits, under {@code /__sandbox/limits} (see README). */
final class LimitRoutes {
    private final SandboxControl control;

    LimitRoutes(SandboxControl control) {
        this.control = control;
    }

    void register(RoutesConfig routes) {
        String limits = ControlRoutes.PREFIX + "/limits";
        routes.get(limits, ctx -> ControlRoutes.json(ctx, limits(control.limits())));
        routes.put(limits, ctx -> ControlRoutes.handle(ctx, body -> {
            control.setLimits(changed(control.limits(), body));
            return limits(control.limits());
        }));
        routes.post(limits + "/reset", ctx -> ControlRoutes.handle(ctx, body -> {
            control.resetLimits();
            return limits(control.limits());
        }));
        routes.get(limits + "/usage", ctx -> ControlRoutes.json(ctx, everyonesUsage()));
        routes.post(limits + "/usage/reset", ctx -> ControlRoutes.handle(ctx, body -> {
            control.resetLimitUsage();
            return new JsonObject();
        }));
        routes.get(ControlRoutes.PREFIX + "/accounts/{email}/limits", ctx -> ControlRoutes.handle(ctx,
                body -> usage(control.limitUsage(ctx.pathParam("email")))));
    }

    static JsonObject limits(SandboxLimits l) {
        JsonObject o = new JsonObject();
        o.addProperty("enforced", l.enforced());
        o.addProperty("unitsPerMinute", l.unitsPerMinute());
        o.addProperty("concurrentRequests", l.concurrentRequests());
        o.addProperty("quotaStatus", l.quotaRefusal().status());
        o.addProperty("retryAfter", l.retryAfter());
        o.addProperty("callTimeMillis", l.callTime().toMillis());
        return o;
    }

    /** The current limits with the fields the body names changed. */
    private static SandboxLimits changed(SandboxLimits current, JsonObject body) {
        SandboxLimits l = current;
        if (body.has("enforced")) l = l.withEnforced(bool(body, "enforced"));
        if (body.has("unitsPerMinute")) l = l.withUnitsPerMinute(body.get("unitsPerMinute").getAsInt());
        if (body.has("concurrentRequests")) l = l.withConcurrentRequests(body.get("concurrentRequests").getAsInt());
        if (body.has("quotaStatus")) l = l.withQuotaRefusal(SandboxLimits.QuotaRefusal.ofStatus(body.get("quotaStatus").getAsInt()));
        if (body.has("retryAfter")) l = l.withRetryAfter(bool(body, "retryAfter"));
        if (body.has("callTimeMillis")) l = l.withCallTime(Duration.ofMillis(body.get("callTimeMillis").getAsLong()));
        return l;
    }

    /** Gson reads any string as false; the control API wants a real boolean. */
    private static boolean bool(JsonObject body, String name) {
        JsonElement e = body.get(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw new IllegalArgumentException(name + " must be true or false");
        return e.getAsBoolean();
    }

    private JsonObject everyonesUsage() {
        JsonObject o = new JsonObject();
        for (String email : control.accounts()) o.add(email, usage(control.limitUsage(email)));
        return o;
    }

    static JsonObject usage(LimitUsage u) {
        JsonObject o = new JsonObject();
        o.addProperty("unitsLastMinute", u.unitsLastMinute());
        o.addProperty("unitsTotal", u.unitsTotal());
        o.addProperty("quotaRefusals", u.quotaRefusals());
        o.addProperty("concurrencyRefusals", u.concurrencyRefusals());
        o.addProperty("inFlight", u.inFlight());
        o.addProperty("peakConcurrency", u.peakConcurrency());
        return o;
    }
}
