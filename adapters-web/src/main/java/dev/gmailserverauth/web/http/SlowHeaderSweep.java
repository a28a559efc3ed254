package dev.gmailserverauth.web.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request headers are slow: a connection that has not sent a whole request's
 * headers within the deadline (since it opened, or since its previous response) is closed, so a
 * slowloris holds a socket for seconds, not hours. Jetty's idle timeout alone restarts with every byte.
 * One log line per connection closed, never a stack trace.
 */
public final class SlowHeaderSweep extends Handler.Wrapper implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SlowHeaderSweep.class);
    private static final long SWEEP_EVERY_MILLIS = 500;

    private final Duration deadline;
    /** Connections waiting for their next request's headers, and since when (nanoTime). */
    private final Map<Connection, Long> waiting = new ConcurrentHashMap<>();

    private SlowHeaderSweep(Handler next, Duration deadline) {
        super(next);
        this.deadline = Objects.requireNonNull(deadline);
    }

    /** Sweeps slow headers in front of {@code next}. */
    public static SlowHeaderSweep around(Handler next, Duration deadline) {
        return new SlowHeaderSweep(next, deadline);
    }

    /** Listens to the server's connectors once they exist, and starts the sweep. */
    @Override
    protected void doStart() throws Exception {
        for (Connector connector : getServer().getConnectors()) {
            if (connector instanceof AbstractConnector abstractConnector) abstractConnector.addEventListener(this);
        }
        super.doStart();
        scheduleSweep();
    }

    @Override
    public void onOpened(Connection connection) {
        waiting.put(connection, System.nanoTime());
    }

    @Override
    public void onClosed(Connection connection) {
        waiting.remove(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        waiting.remove(connection);
        Callback answered = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                waitAgain(connection);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                waitAgain(connection);
                super.failed(failure);
            }
        };
        return super.handle(request, response, answered);
    }

    private void waitAgain(Connection connection) {
        if (connection.getEndPoint().isOpen()) waiting.put(connection, System.nanoTime());
    }

    private void scheduleSweep() {
        if (!isRunning() && !isStarting()) return;
        getServer().getScheduler().schedule(this::sweep, SWEEP_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes every connection that has waited longer than the deadline: a slowloris, or an idle keep-alive connection past its time. */
    private void sweep() {
        try {
            long now = System.nanoTime();
            waiting.forEach((connection, since) -> {
                if (now - since > deadline.toNanos() && waiting.remove(connection, since)) {
                    LOG.info("closed a connection that sent no complete request headers within {} s", deadline.toSeconds());
                    connection.getEndPoint().close();
                }
            });
        } finally {
            scheduleSweep();
        }
    }
}
