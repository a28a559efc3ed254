package dev.gmailserverauth.web.http;

import dev.gmailserverauth.web.WebOperations;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health for load balancers and orchestrators; none needs a session.
 * <ul>
 *   <li>{@code GET /health}: 200 when the database answers, 503 when it does not (its shape is kept for existing monitors).</li>
 *   <li>{@code GET /health/live}: 200 while the process serves requests at all: restart it when this fails.</li>
 *   <li>{@code GET /health/ready}: 200 when every readiness check passes (database, schema, key, Google configuration),
 *       503 naming the ones that fail: send it no traffic until then.</li>
 * </ul>
 */
public final class HealthRoute {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoute.class);

    private final BooleanSupplier databaseHealthy;
    private final List<WebOperations.HealthCheck> readiness;

    public HealthRoute(BooleanSupplier databaseHealthy, List<WebOperations.HealthCheck> readiness) {
        this.databaseHealthy = Objects.requireNonNull(databaseHealthy);
        List<WebOperations.HealthCheck> checks = new ArrayList<>();
        checks.add(new WebOperations.HealthCheck("database", databaseHealthy));
        readiness.stream().filter(check -> !check.name().equals("database")).forEach(checks::add);
        this.readiness = List.copyOf(checks);
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/health/live", ctx -> Responses.json(ctx, 200, Json.object("status", "UP")));
        routes.get("/health/ready", this::ready);
    }

    private void health(Context ctx) {
        boolean database = passes(new WebOperations.HealthCheck("database", databaseHealthy));
        Responses.json(ctx, database ? 200 : 503, Json.object("status", database ? "UP" : "DOWN", "database", database ? "UP" : "DOWN"));
    }

    private void ready(Context ctx) {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean all = true;
        for (WebOperations.HealthCheck check : readiness) {
            boolean up = passes(check);
            all &= up;
            checks.put(check.name(), up ? "UP" : "DOWN");
        }
        Responses.json(ctx, all ? 200 : 503, Json.object("status", all ? "UP" : "DOWN", "checks", checks));
    }

    private static boolean passes(WebOperations.HealthCheck check) {
        try {
            return check.up().getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("{} health check failed: {}", check.name(), e.getClass().getSimpleName());
            return false;
        }
    }
}
