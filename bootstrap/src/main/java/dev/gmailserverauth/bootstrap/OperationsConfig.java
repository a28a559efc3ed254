package dev.gmailserverauth.bootstrap;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How the application is watched: the log format and the management endpoint that serves metrics.
 *
 * @param logFormat       {@code APP_LOG_FORMAT}: one line of text per event, or one JSON object per line
 * @param managementHost  {@code APP_MANAGEMENT_HOST}: the address the management server binds, loopback unless set
 * @param managementPort  {@code APP_MANAGEMENT_PORT}: its port (0 = any free port); empty when switched off ({@code off})
 */
public record OperationsConfig(LogFormat logFormat, String managementHost, OptionalInt managementPort) {
    /**
     * Loopback: the metrics have no authentication and tell how many people use the app and how it is
     * doing, so they are for a scraper on the same host (or a sidecar) unless an operator says otherwise.
     */
    public static final String DEFAULT_MANAGEMENT_HOST = "127.0.0.1";

    public enum LogFormat { TEXT, JSON }

    public OperationsConfig {
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(managementHost, "managementHost");
        Objects.requireNonNull(managementPort, "managementPort");
    }

    /**
     * The management port when none is configured: the next one after the public port (8081 beside
     * 8080), or any free one when the public port is itself picked at random.
     */
    static int defaultManagementPort(int publicPort) {
        return publicPort == 0 || publicPort == 65_535 ? 0 : publicPort + 1;
    }
}
