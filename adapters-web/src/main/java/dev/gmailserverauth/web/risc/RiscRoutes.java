package dev.gmailserverauth.web.risc;

import dev.gmailserverauth.application.HandleSecurityEvent.Outcome;
import dev.gmailserverauth.application.HandleSecurityEvent;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cross-Account Protection receiver: Google POSTs one security event token per request
 * ({@code Content-Type: application/secevent+jwt}, RFC 8935). 202 when it is accepted (a replay too:
 * it was acted on before), 400 with {@code {"err": …, "description": …}} when it is refused for good, and
 * 503 with {@code Retry-After} when it cannot be decided or acted on now (our store or the issuer's key set
 * is out of reach), so that the transmitter delivers it again.
 * Server to server: no session, no CSRF token, a body of at most {@link #MAX_BODY_BYTES}.
 */
public final class RiscRoutes {
    public static final String CONTENT_TYPE = "application/secevent+jwt";
    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    /** How long Google is asked to wait before delivering again after one of our stores failed. */
    public static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RiscRoutes.class);

    private final HandleSecurityEvent handle;
    private final String path;

    public RiscRoutes(HandleSecurityEvent handle, String path) {
        this.handle = Objects.requireNonNull(handle);
        this.path = Objects.requireNonNull(path);
    }

    public void register(RoutesConfig routes) {
        routes.post(path, this::receive);
    }

    private void receive(Context ctx) {
        if (!isSecurityEventToken(ctx.contentType())) {
            refuse(ctx, "invalid_request", "Content-Type must be " + CONTENT_TYPE);
            return;
        }
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            refuse(ctx, "invalid_request", "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            refuse(ctx, "invalid_request", "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Outcome outcome;
        try {
            outcome = handle.handle(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // Our side failed (a store is down): the token is not recorded, so Google's redelivery is acted on.
            LOG.warn("a security event could not be handled now: {}", e.toString());
            deferAnswer(ctx, "the event could not be processed now; deliver it again later", STORE_RETRY_AFTER);
            return;
        }
        outcome.fold(
                accepted -> {
                    LOG.info("security event {} accepted: {}", accepted.id().value(), accepted.handled().stream()
                            .map(h -> h.event().type().substring(h.event().type().lastIndexOf('/') + 1) + " " + h.effects()).toList());
                    return accept(ctx);
                },
                replayed -> {
                    LOG.info("security event {} received again: already acted on", replayed.id().value());
                    return accept(ctx);
                },
                rejected -> {
                    LOG.info("security event token refused: {} ({})", rejected.error().code(), rejected.description());
                    refuse(ctx, rejected.error().code(), rejected.description());
                    return ctx;
                },
                deferred -> {
                    LOG.info("security event token not decidable now: {}", deferred.description());
                    deferAnswer(ctx, deferred.description(), deferred.retryAfter());
                    return ctx;
                });
    }

    private static Context accept(Context ctx) {
        Responses.markAnswered(ctx);
        return ctx.status(202);
    }

    /**
     * A temporary failure is not a refusal: RFC 8935 keeps 400 for a token that fails parsing or validation and
     * answers "a general HTTP error condition" with its own status, so 503 with {@code Retry-After}, which a
     * transmitter delivers again (docs/decisions/0030).
     */
    private static void deferAnswer(Context ctx, String description, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        Responses.json(ctx, 503, Json.object("err", TEMPORARILY_UNAVAILABLE, "description", description));
    }

    /** The media type is exactly {@value #CONTENT_TYPE}, in any case; parameters ({@code ; charset=…}) aside. */
    static boolean isSecurityEventToken(String contentType) {
        if (contentType == null) return false;
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().toLowerCase(Locale.ROOT).equals(CONTENT_TYPE);
    }

    private static void refuse(Context ctx, String error, String description) {
        Responses.json(ctx, 400, Json.object("err", error, "description", description));
    }
}
