package dev.gmailserverauth.google;

import com.google.api.client.http.HttpRequestInitializer;
import java.time.Duration;

/** Settings every request of the adapters gets. */
final class HttpSetup {
    private HttpSetup() {
    }

    /**
     * Time-outs, and no wire logging: google-http-client would log form bodies (codes, refresh tokens,
     * client secret) at {@code CONFIG} level. Retries are the adapters' own (see {@link Retrier}).
     */
    static HttpRequestInitializer initializer(Duration connectTimeout, Duration readTimeout) {
        int connect = Math.toIntExact(connectTimeout.toMillis());
        int read = Math.toIntExact(readTimeout.toMillis());
        return request -> request
                .setConnectTimeout(connect)
                .setReadTimeout(read)
                .setNumberOfRetries(0)
                .setLoggingEnabled(false)
                .setCurlLoggingEnabled(false);
    }
}
