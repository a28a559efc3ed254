package dev.gmailserverauth.bootstrap;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port: {@code GET /metrics} in Prometheus' text format, served by the Prometheus client's
 * own small HTTP server on its own port and address, never on the public port. Bound to loopback unless
 * {@code APP_MANAGEMENT_HOST} says otherwise (see {@link OperationsConfig#DEFAULT_MANAGEMENT_HOST}).
 */
final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final HTTPServer server;

    private ManagementServer(HTTPServer server) {
        this.server = server;
    }

    static ManagementServer start(Metrics metrics, String host, int port) {
        try {
            HTTPServer server = HTTPServer.builder()
                    .hostname(host)
                    .port(port)
                    .registry(metrics.registry().getPrometheusRegistry())
                    .buildAndStart();
            LOG.info("metrics at http://{}:{}/metrics", host.contains(":") ? "[" + host + "]" : host, server.getPort());
            return new ManagementServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
