package dev.gmailserverauth.sandbox.internal.risc;

import dev.gmailserverauth.sandbox.SandboxRiscDelivery;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Tampering;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.internal.Accounts;
import dev.gmailserverauth.sandbox.internal.OutboundHttp;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google's side of Cross-Account Protection: signs events and POSTs them ({@code Content-Type:
 * application/secevent+jwt}, RFC 8935) to the registered receiver, and keeps what each delivery got back.
 * No retries: a replay is explicit ({@link #replay}). Thread-safe.
 */
public final class RiscTransmitter {
    public static final String SECEVENT_JWT = "application/secevent+jwt";
    private static final Logger LOG = LoggerFactory.getLogger(RiscTransmitter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int KEPT_DELIVERIES = 1000;
    private static final int KEPT_BODY = 2000;

    private final RiscStream stream;
    private final SecurityEventTokens tokens;
    private final SandboxClock clock;
    private final String defaultAudience;
    private final SecureRandom random = new SecureRandom();
    private final OutboundHttp http = new OutboundHttp(TIMEOUT);
    private final Deque<SandboxRiscDelivery> deliveries = new ArrayDeque<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "google-sandbox-risc");
        t.setDaemon(true);
        return t;
    });

    public RiscTransmitter(RiscStream stream, Accounts accounts, SandboxIssuer issuer, SigningKeys keys, SandboxClock clock,
                           String defaultAudience) {
        this.stream = stream;
        this.tokens = new SecurityEventTokens(accounts, issuer, keys, clock);
        this.clock = clock;
        this.defaultAudience = defaultAudience;
    }

    /**
     * Pushes now.
     *
     * @throws IllegalStateException when no receiver is registered, the stream is disabled or did not ask for this type
     */
    public SandboxRiscDelivery push(SandboxSecurityEvent event, Tampering tampering) {
        RiscStream.Registration registration = stream.registration()
                .orElseThrow(() -> new IllegalStateException("no RISC receiver is registered"));
        if (!registration.enabled()) throw new IllegalStateException("the RISC stream is disabled");
        if (!registration.wants(event.type())) throw new IllegalStateException("the stream did not request " + event.type().shortName());
        String audience = event.audience().orElse(defaultAudience);
        String jti = newJti();
        return post(registration.receiver(), jti, event.type(), audience, tampering, false, tokens.sign(event, audience, jti, tampering));
    }

    /** Pushes on the transmitter's thread, as Google does after the person acts; nothing when the stream does not want it. */
    public void pushInBackground(SandboxSecurityEvent event) {
        Optional<RiscStream.Registration> registration = stream.registration();
        if (registration.isEmpty() || !registration.get().wants(event.type())) {
            LOG.debug("no receiver wants {}; not sent", event.type().shortName());
            return;
        }
        background.execute(() -> {
            try {
                push(event, Tampering.NONE);
            } catch (RuntimeException e) {
                LOG.warn("security event {} not delivered: {}", event.type().shortName(), e.getMessage());
            }
        });
    }

    /** POSTs an earlier delivery's token again, unchanged, to the receiver registered now. */
    public SandboxRiscDelivery replay(String jti) {
        SandboxRiscDelivery original = deliveries().stream().filter(d -> d.jti().equals(jti)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no delivery with jti " + jti));
        RiscStream.Registration registration = stream.registration()
                .orElseThrow(() -> new IllegalStateException("no RISC receiver is registered"));
        return post(registration.receiver(), jti, original.type(), original.audience(), original.tampering(), true, original.token());
    }

    /** Stops the background thread; deliveries under way are dropped. */
    public void close() {
        background.shutdownNow();
    }

    public synchronized List<SandboxRiscDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private SandboxRiscDelivery post(URI receiver, String jti, SandboxSecurityEvent.Type type, String audience, Tampering tampering,
                                     boolean replay, String token) {
        HttpRequest request = HttpRequest.newBuilder(receiver).timeout(TIMEOUT)
                .header("Content-Type", SECEVENT_JWT).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(token)).build();
        int status = 0;
        String body = "";
        Optional<String> failure = Optional.empty();
        try {
            HttpResponse<String> response = http.client().send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body().length() > KEPT_BODY ? response.body().substring(0, KEPT_BODY) : response.body();
        } catch (IOException e) {
            failure = Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of("interrupted");
        }
        SandboxRiscDelivery delivery = new SandboxRiscDelivery(jti, type, audience, receiver, tampering, replay, token, status, body,
                failure, clock.now());
        LOG.debug("security event {} ({}) to {}: {}", type.shortName(), jti, receiver, failure.orElse(String.valueOf(status)));
        record(delivery);
        return delivery;
    }

    private synchronized void record(SandboxRiscDelivery delivery) {
        deliveries.addLast(delivery);
        while (deliveries.size() > KEPT_DELIVERIES) deliveries.removeFirst();
    }

    /** 32 hex digits, like the {@code jti} in Google's sample. */
    private String newJti() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
