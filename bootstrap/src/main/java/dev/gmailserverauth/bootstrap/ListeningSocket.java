package dev.gmailserverauth.bootstrap;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The public port, bound once, before anything else starts: the base URL and the OAuth redirect URI are
 * built from the port actually bound (with {@code APP_PORT=0}, the one the system picked), and the web
 * server is handed this very socket when it starts instead of binding one of its own. So no other
 * process can take the port between the moment it was chosen and the moment the server listens.
 */
final class ListeningSocket implements AutoCloseable {
    private final ServerSocketChannel channel;
    private final String host;

    private ListeningSocket(ServerSocketChannel channel, String host) {
        this.channel = channel;
        this.host = host;
    }

    /**
     * Binds {@code host:port} now ({@code port} 0 = any free port).
     *
     * @throws ConfigurationException naming {@code APP_BIND_ADDRESS} when the address does not resolve
     * @throws UncheckedIOException when the port cannot be bound (already in use, not allowed)
     */
    static ListeningSocket bind(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) throw new ConfigurationException("APP_BIND_ADDRESS", "'" + host + "' is not an address of this host");
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(address);
            return new ListeningSocket(channel, host);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port bound: the one asked for, or the one the system picked for 0. */
    int port() {
        return channel.socket().getLocalPort();
    }

    /**
     * Makes {@code app}'s connector accept on this socket when the app starts (call before
     * {@link Javalin#start()}); Jetty then owns the socket and closes it when it stops.
     */
    void handTo(Javalin app) {
        Server server = app.jettyServer().server();
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                ServerConnector connector = serverConnector(server.getConnectors());
                try {
                    connector.open(channel);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot hand the bound socket to the web server", e);
                }
            }
        });
    }

    private ServerConnector serverConnector(Connector[] connectors) {
        for (Connector connector : connectors) {
            if (connector instanceof ServerConnector server) {
                server.setHost(host);
                return server;
            }
        }
        throw new IllegalStateException("the web server has no network connector to hand the bound socket to");
    }

    /** Closes the socket if the web server never took it (a failed start); harmless after Jetty closed it. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing listens on it either way
        }
    }
}
