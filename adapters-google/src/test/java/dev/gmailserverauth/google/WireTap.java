package dev.gmailserverauth.google;

import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.Header;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.protocol.HttpContext;

/**
 * A {@link GmailMailbox} of its own (its own per-user budgets) on the real Apache transport, whose HTTP client
 * writes down the request line and headers of every request and the encoding of every answer as they cross the
 * wire (before google-http-client decompresses anything). Close it after use.
 */
final class WireTap implements AutoCloseable {
    /** One request as sent, and the {@code Content-Encoding} it was answered with. */
    record Exchange(String method, String uri, Optional<String> acceptEncoding, Optional<String> userAgent) {
    }

    final List<Exchange> requests = new CopyOnWriteArrayList<>();
    final List<Optional<String>> responseEncodings = new CopyOnWriteArrayList<>();
    final GmailMailbox mailbox;
    private final ApacheHttpTransport transport;

    WireTap(GoogleAdapterConfig config) {
        transport = new ApacheHttpTransport(ApacheHttpTransport.newDefaultHttpClientBuilder()
                .addInterceptorLast((HttpRequestInterceptor) this::sent)
                .addInterceptorFirst((HttpResponseInterceptor) this::received)
                .build());
        mailbox = new GmailMailbox(config, transport, GsonFactory.getDefaultInstance(), Clock.systemUTC());
    }

    private void sent(HttpRequest request, HttpContext context) {
        requests.add(new Exchange(request.getRequestLine().getMethod(), request.getRequestLine().getUri(),
                value(request.getFirstHeader("Accept-Encoding")), value(request.getFirstHeader("User-Agent"))));
    }

    private void received(HttpResponse response, HttpContext context) {
        responseEncodings.add(value(response.getFirstHeader("Content-Encoding")));
    }

    private static Optional<String> value(Header header) {
        return header == null ? Optional.empty() : Optional.of(header.getValue());
    }

    @Override
    public void close() throws IOException {
        mailbox.close();
        transport.shutdown();
    }
}
