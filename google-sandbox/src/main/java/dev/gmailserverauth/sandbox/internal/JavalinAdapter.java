package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.Endpoint;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves requests and responses between Javalin and the sandbox's transport-neutral handlers. */
public final class JavalinAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(JavalinAdapter.class);

    private JavalinAdapter() {}

    public static ApiRequest toApiRequest(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        Map<String, java.util.List<String>> form = contentType.startsWith("application/x-www-form-urlencoded") ? ctx.formParamMap() : Map.of();
        return new ApiRequest(ctx.req().getMethod(), ctx.path(), ctx.queryParamMap(), ctx.headerMap(), body, form);
    }

    /** Runs a handler and writes its answer; a {@link DropConnection} closes the socket instead. */
    public static void serve(Context ctx, Function<ApiRequest, ApiResponse> handler) {
        ApiResponse response;
        try {
            response = handler.apply(toApiRequest(ctx));
        } catch (DropConnection drop) {
            LOG.debug("dropping the connection of {} {} (injected fault)", ctx.req().getMethod(), ctx.path());
            ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint().close();
            return;
        }
        write(ctx, response);
    }

    /** Counts a round trip to {@code endpoint} on the fault board, then serves it. */
    public static void counted(Context ctx, SandboxState state, Endpoint endpoint, Function<ApiRequest, ApiResponse> handler) {
        state.faults().roundTrip(endpoint);
        serve(ctx, handler);
    }

    public static void write(Context ctx, ApiResponse response) {
        gzipAsGoogleDoes(ctx);
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.contentType(response.contentType());
        ctx.result(response.body());
    }

    /**
     * Google's performance guide: a client gets gzip by sending {@code Accept-Encoding: gzip} and a
     * {@code User-Agent} that contains "gzip" (Google's Java client does both); then every body is compressed.
     * Javalin compresses when the request accepts gzip.
     */
    private static void gzipAsGoogleDoes(Context ctx) {
        String userAgent = ctx.header("User-Agent");
        if (userAgent != null && userAgent.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            ctx.minSizeForCompression(0);
        } else {
            ctx.disableCompression();
        }
    }
}
