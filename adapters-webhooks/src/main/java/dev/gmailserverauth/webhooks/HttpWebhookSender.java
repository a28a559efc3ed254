package dev.gmailserverauth.webhooks;

import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.webhook.SigningSecrets;
import dev.gmailserverauth.domain.webhook.WebhookSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WebhookSender} on the JDK's {@link HttpClient}: a POST of the event's body, exactly as stored, with the
 * Standard Webhooks headers, signed afresh at each attempt (receivers refuse a timestamp more than five minutes off).
 * Redirects are never followed (a 3xx is a failure), the receiver's addresses are checked right before each attempt
 * ({@link ReceiverAddresses}), and the request is asynchronous with short timeouts: a slow receiver holds no thread.
 *
 * <p>The addresses are checked as resolved just before the client connects; the client resolves the name again
 * itself, so a DNS answer changed within that instant is not seen (the JDK client has no hook to pin the address).
 */
public final class HttpWebhookSender implements WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookSender.class);

    private final Duration connectTimeout;
    /** Guarded by {@code this}; empty until the first delivery. */
    private HttpClient client;
    private final ReceiverAddresses addresses;
    private final Duration responseTimeout;
    private final Clock clock;

    public HttpWebhookSender(ReceiverAddresses addresses, Duration connectTimeout, Duration responseTimeout, Clock clock) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /**
     * The client, built on the first delivery: building one starts its selector thread and reads the JVM's trust store,
     * which a server whose people have no webhook never needs (decision 0046).
     */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return client;
    }

    @Override
    public CompletableFuture<Attempt> send(URI url, AccountEvent event, SigningSecrets secrets) {
        Optional<String> refusal = addresses.refusalAfterResolving(url);
        if (refusal.isPresent()) {
            LOG.warn("webhook {} to {} not sent: {}", event.id().value(), url, refusal.get());
            return CompletableFuture.completedFuture(new Attempt.Failed("not sent: " + refusal.get()));
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature = StandardWebhookSignature.header(event.id(), timestamp, event.body(), secrets);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(responseTimeout)
                .header("content-type", "application/json")
                .header("webhook-id", event.id().value())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            Attempt attempt = error == null ? attempt(response) : new Attempt.Failed(describe(error));
            LOG.info("webhook POST {} {} seq={} webhook-id={} webhook-timestamp={} webhook-signature={} -> {} in {} ms", url,
                    event.type().wireName(), event.sequence(), event.id().value(), timestamp, signature,
                    attempt.fold(accepted -> "HTTP " + accepted.status(), Attempt.Failed::reason), millis);
            return attempt;
        });
    }

    private static Attempt attempt(HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) return new Attempt.Accepted(status);
        if (status >= 300 && status < 400) {
            return new Attempt.Failed("HTTP " + status + ", a redirect, not followed"
                    + response.headers().firstValue("location").map(location -> " (to " + location + ")").orElse(""));
        }
        return new Attempt.Failed("HTTP " + status);
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) return "no answer in time (" + cause.getMessage() + ")";
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
