package dev.gmailserverauth.bootstrap;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How the application listens and is watched: the address of the public port, the log format and the
 * management endpoint that serves metrics.
 *
 * @param bindAddress     {@code APP_BIND_ADDRESS}: the address the public port binds, every interface unless set
 * @param logFormat       {@code APP_LOG_FORMAT}: one line of text per event, or one JSON object per line
 * @param managementHost  {@code APP_MANAGEMENT_HOST}: the address the management server binds, loopback unless set
 * @param managementPort  {@code APP_MANAGEMENT_PORT}: its port (0 = any free port); empty when switched off ({@code off})
 */
public record OperationsConfig(String bindAddress, LogFormat logFormat, String managementHost, OptionalInt managementPort) {
    /**
     * Loopback: the metrics have no authentication and tell how many people use the app and how it is
     * doing, so they are for a scraper on the same host (or a sidecar) unless an operator says otherwise.
     */
    public static final String DEFAULT_MANAGEMENT_HOST = "127.0.0.1";
    /**
     * Every interface: the public port is the one browsers and a reverse proxy reach, from outside the host
     * or the container. {@code 127.0.0.1} keeps it to a proxy on the same host.
     */
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";

    public enum LogFormat { TEXT, JSON }

    public OperationsConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
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
