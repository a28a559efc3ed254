package dev.gmailserverauth.google;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;
import org.apache.http.protocol.HttpContext;

/**
 * The HTTP transport the Google adapters share: Apache HttpClient (google-http-client-apache-v2, which
 * google-api-client brings) set up as {@link ApacheHttpTransport#newDefaultHttpClientBuilder()} sets it up (system
 * properties, 200 connections, 20 per host, the system's proxy selector, no redirects, no automatic retries: the
 * adapters retry themselves, and never a single-use code exchange), with the JVM's default trust store read on the
 * first {@code https} connection rather than when the transport is built. The library's own builder makes its TLS
 * socket factory at once, which reads the trust store and loads some 600 classes on the path to the server's first
 * answer, although no call to Google is made before a person signs in (decision 0046).
 *
 * <p>Not NetHttpTransport: HttpURLConnection in streaming mode drops the body of a 401, so the token endpoint's
 * {@code {"error": "invalid_client"}} would be lost.
 */
public final class GoogleHttpTransport {
    private static final int MAX_CONNECTIONS = 200;
    private static final int MAX_CONNECTIONS_PER_HOST = 20;

    private GoogleHttpTransport() {
    }

    public static HttpTransport create() {
        return new ApacheHttpTransport(HttpClientBuilder.create()
                .useSystemProperties()
                .setSSLSocketFactory(new TlsOnFirstUse())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
                .setConnectionTimeToLive(-1, TimeUnit.MILLISECONDS)
                .setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build());
    }

    /** Apache's default TLS socket factory (the JVM's default trust store and protocols), made on first use. */
    private static final class TlsOnFirstUse implements LayeredConnectionSocketFactory {
        /** Initialised by the JVM when first read, once, whichever thread reads it first. */
        private static final class Default {
            static final SSLConnectionSocketFactory FACTORY = SSLConnectionSocketFactory.getSocketFactory();
        }

        @Override
        public Socket createSocket(HttpContext context) throws IOException {
            return Default.FACTORY.createSocket(context);
        }

        @Override
        public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
                                    InetSocketAddress localAddress, HttpContext context) throws IOException {
            return Default.FACTORY.connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
            return Default.FACTORY.createLayeredSocket(socket, target, port, context);
        }
    }
}
