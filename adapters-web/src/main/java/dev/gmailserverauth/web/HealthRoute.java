package dev.gmailserverauth.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 when the database answers, 503 when it does not. Needs no session. */
final class HealthRoute {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoute.class);

    private final BooleanSupplier databaseHealthy;

    HealthRoute(BooleanSupplier databaseHealthy) {
        this.databaseHealthy = Objects.requireNonNull(databaseHealthy);
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        boolean database = databaseUp();
        Responses.json(ctx, database ? 200 : 503, Json.object("status", database ? "UP" : "DOWN", "database", database ? "UP" : "DOWN"));
    }

    private boolean databaseUp() {
        try {
            return databaseHealthy.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("database health check failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
