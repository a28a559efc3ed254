package dev.gmailserverauth.sandbox.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP client the sandbox calls the app with (security events, Pub/Sub pushes), built on its first call: a
 * {@link HttpClient} starts a selector thread and reads the JVM's trust store when it is built, which a sandbox that
 * never pushes anything has no use for (decision 0046). Redirects are not followed, as Google does not. Thread-safe.
 */
public final class OutboundHttp {
    private final Duration connectTimeout;
    /** Guarded by {@code this}; empty until the first call. */
    private HttpClient client;

    public OutboundHttp(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    public synchronized HttpClient client() {
        if (client == null) client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        return client;
    }
}
