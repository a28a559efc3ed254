package dev.gmailserverauth.google;

import com.google.api.client.http.HttpRequestInitializer;
import java.time.Duration;

/** Settings every request of the adapters gets. */
final class HttpSetup {
    private HttpSetup() {
    }

    /**
     * Time-outs, never longer than what is left of the call's deadline ({@link CallDeadline}), and no wire
     * logging: google-http-client would log form bodies (codes, refresh tokens, client secret) at {@code CONFIG}
     * level. Retries are the adapters' own (see {@link Retrier}). google-http-client already asks for gzip
     * ({@code Accept-Encoding: gzip}, and a {@code User-Agent} ending in {@code (gzip)}), as Google's
     * performance guide wants; nothing here turns that off.
     */
    static HttpRequestInitializer initializer(Duration connectTimeout, Duration readTimeout) {
        int connect = Math.toIntExact(connectTimeout.toMillis());
        int read = Math.toIntExact(readTimeout.toMillis());
        return request -> request
                .setConnectTimeout(CallDeadline.cap(connect))
                .setReadTimeout(CallDeadline.cap(read))
                .setNumberOfRetries(0)
                .setLoggingEnabled(false)
                .setCurlLoggingEnabled(false);
    }
}
