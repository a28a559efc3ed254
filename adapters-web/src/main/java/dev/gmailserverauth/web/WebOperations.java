package dev.gmailserverauth.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the web front tells operators beyond the pages: readiness checks for {@code /health/ready}, and an
 * observer of every finished request (for metrics). Plain Java, so the web needs no metrics library.
 */
public record WebOperations(List<HealthCheck> readiness, RequestObserver requests) {

    /** One named readiness check ({@code database}, {@code schema}, {@code key}, {@code google}). */
    public record HealthCheck(String name, BooleanSupplier up) {
        public HealthCheck {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("a check name is lower case: " + name);
            Objects.requireNonNull(up, "up");
        }
    }

    /** Told about every request once its response is written. Called on the request thread: be quick. */
    @FunctionalInterface
    public interface RequestObserver {
        RequestObserver NONE = (method, route, status, took) -> { };

        /**
         * @param route the route template that served it ({@code /messages/{id}}), never the raw path; {@code unmatched} for a 404
         *              of no route, {@code /static/*} for a 404 under {@code /static/}
         */
        void completed(String method, String route, int status, Duration took);
    }

    public WebOperations {
        readiness = List.copyOf(readiness);
        Objects.requireNonNull(requests, "requests");
    }

    /** No readiness checks beyond the database, and nobody observing. */
    public static WebOperations none() {
        return new WebOperations(List.of(), RequestObserver.NONE);
    }
}
