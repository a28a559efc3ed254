package dev.gmailserverauth.web.sync;

import dev.gmailserverauth.web.shared.Responses;
import dev.gmailserverauth.web.shared.Sessions;

import dev.gmailserverauth.application.sync.ReceivePush;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync's routes.
 *
 * <p>The Pub/Sub push receiver ({@code POST GMAIL_PUSH_PATH}): server to server, no session, no CSRF token; the
 * OIDC token is checked before anything else. 204 once the account's sync is scheduled (or the address is
 * unknown: acknowledged, retrying would not help); 401 when the token proves nothing, 403 when it is genuine but
 * not ours, 503 with {@code Retry-After} when Google's keys cannot be fetched (Pub/Sub delivers again), 400 for a
 * body that is not a Gmail notification. It answers at once: the sync runs as a job.
 *
 * <p>{@code GET /api/sync}: how the signed-in person's sync stands. Never calls Google.
 */
public final class SyncRoutes {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int KEYS_RETRY_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);

    private final SyncWeb sync;
    private final Sessions sessions;

    public SyncRoutes(SyncWeb sync, Sessions sessions) {
        this.sync = Objects.requireNonNull(sync);
        this.sessions = Objects.requireNonNull(sessions);
    }

    public void register(RoutesConfig routes) {
        sync.receivePush().ifPresent(receive -> routes.post(sync.pushPath(), ctx -> push(ctx, receive)));
        routes.get("/api/sync", this::status);
    }

    private void push(Context ctx, ReceivePush receive) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            answer(ctx, 413, "payload_too_large", "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        byte[] raw = ctx.bodyAsBytes();
        ReceivePush.Body body = !type.startsWith("application/json") ? new ReceivePush.Body.Malformed("Content-Type must be application/json")
                : raw.length > MAX_BODY_BYTES ? new ReceivePush.Body.Malformed("the body is larger than " + MAX_BODY_BYTES + " bytes")
                : PushBody.parse(new String(raw, StandardCharsets.UTF_8));
        ReceivePush.Outcome outcome = receive.receive(bearer(ctx), body);
        outcome.<Void>fold(
                accepted -> {
                    LOG.debug("push accepted: {}", accepted.outcome().<String>fold(s -> "sync scheduled", n -> "sync " + n.status(), u -> "unknown address"));
                    ctx.status(204);
                    return null;
                },
                refused -> {
                    LOG.info("push refused: {}", refused.reason());
                    boolean forbidden = refused.reason().forbidden();
                    if (!forbidden) ctx.header("WWW-Authenticate", "Bearer");
                    answer(ctx, forbidden ? 403 : 401, forbidden ? "forbidden" : "unauthorized", "push token refused: " + refused.reason());
                    return null;
                },
                keysUnavailable -> {
                    LOG.warn("push not verified: Google's signing keys could not be fetched");
                    ctx.header("Retry-After", String.valueOf(KEYS_RETRY_SECONDS));
                    answer(ctx, 503, "keys_unavailable", "the keys that sign push tokens could not be fetched; deliver again later");
                    return null;
                },
                malformed -> {
                    answer(ctx, 400, "bad_request", malformed.reason());
                    return null;
                });
    }

    private void status(Context ctx) {
        UserId user = sessions.visitor(ctx).requireUser();
        Instant now = sync.clock().instant();
        Optional<SyncState> state = sync.describeSync().of(user);
        Responses.json(ctx, 200, state.map(s -> describe(s, now)).orElseGet(() -> {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("state", "NOT_SYNCED");
            return none;
        }));
    }

    /** The JSON of one sync state (shared with nothing else: the CLI prints its own table). */
    static Map<String, Object> describe(SyncState state, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state.status().name());
        json.put("backfilling", state.progress().backfill().isPresent());
        json.put("checkpoint", state.checkpoint().toString());
        json.put("lastSynced", state.lastSynced().map(Instant::toString).orElse(null));
        json.put("checkpointAgeSeconds", state.lastSynced().map(at -> Duration.between(at, now).toSeconds()).orElse(null));
        json.put("watchExpires", state.watchExpiration().map(Instant::toString).orElse(null));
        json.put("lastNotification", state.lastNotification().map(Instant::toString).orElse(null));
        json.put("lagMillis", state.lag().map(Duration::toMillis).orElse(null));
        json.put("gapsFilled", state.gapsFilled());
        json.put("lastGap", state.lastGap().orElse(null));
        json.put("repairs", state.repairs());
        return json;
    }

    private void answer(Context ctx, int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        Responses.json(ctx, status, body);
    }

    private static Optional<String> bearer(Context ctx) {
        return Optional.ofNullable(ctx.header("Authorization")).map(String::strip)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip()).filter(token -> !token.isEmpty());
    }
}
