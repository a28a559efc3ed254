package dev.gmailserverauth.web.http;

import dev.gmailserverauth.web.WebOperations;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request: method, path, status, milliseconds. Never the query string (it carries the
 * authorization code on the callback) and never a header or cookie.
 *
 * <p>Every request gets a request id, kept in the MDC under {@value #REQUEST_ID} while the request runs
 * (so every log line of the request carries it) and returned in the {@value #HEADER} response header. An
 * id the client or a proxy sent is kept when it is short and plain; otherwise a new one is made. When the
 * request is done, the {@link WebOperations.RequestObserver} hears of it by route template and status.
 */
public final class RequestLog {
    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "requestId";
    private static final Logger LOG = LoggerFactory.getLogger("dev.gmailserverauth.web.access");
    private static final int MAX_PATH = 200;
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebOperations.RequestObserver observer;

    public RequestLog(WebOperations.RequestObserver observer) {
        this.observer = Objects.requireNonNull(observer);
    }

    /** Before anything else: the request's id, in the MDC and the response. */
    public void begin(Context ctx) {
        String sent = ctx.header(HEADER);
        String id = sent != null && ACCEPTED_ID.matcher(sent).matches() ? sent : newId();
        MDC.put(REQUEST_ID, id);
        ctx.header(HEADER, id);
    }

    /** After the response: the access line, the observer, and the MDC cleared for the thread's next request. */
    public void log(Context ctx, Float millis) {
        try {
            LOG.info("{} {} {} {}ms", ctx.method().name(), safePath(ctx), ctx.statusCode(), Math.round(millis));
            observer.completed(ctx.method().name(), route(ctx), ctx.statusCode(), Duration.ofNanos(Math.round(millis * 1_000_000d)));
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    /**
     * {@code work} as it should run on another thread for this request: with this request's id in that
     * thread's MDC while it runs, so its log lines carry the id too.
     */
    public static <T> Supplier<T> withRequestId(Supplier<T> work) {
        String id = MDC.get(REQUEST_ID);
        if (id == null) return work;
        return () -> {
            MDC.put(REQUEST_ID, id);
            try {
                return work.get();
            } finally {
                MDC.remove(REQUEST_ID);
            }
        };
    }

    /** The route template that served the request, never the raw path (which would make one metric per message id). */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null && !endpoint.path.isEmpty() && !endpoint.path.equals("*")) return endpoint.path;
        return ctx.path().startsWith("/static/") ? "/static/*" : "unmatched";
    }

    /** The path without its query, printable ASCII only, cut to a sane length. */
    static String safePath(Context ctx) {
        return safePath(ctx.path());
    }

    /** The same, for a path Javalin has not seen. */
    static String safePath(String path) {
        StringBuilder out = new StringBuilder(Math.min(path.length(), MAX_PATH));
        for (int i = 0; i < path.length() && out.length() < MAX_PATH; i++) {
            char c = path.charAt(i);
            out.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        if (path.length() > MAX_PATH) out.append('…');
        return out.toString();
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
