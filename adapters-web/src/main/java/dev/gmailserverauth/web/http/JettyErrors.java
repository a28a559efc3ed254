package dev.gmailserverauth.web.http;

import dev.gmailserverauth.web.shared.Api;
import dev.gmailserverauth.web.shared.BadInput;
import dev.gmailserverauth.web.shared.ErrorPage;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.PageRenderer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests Jetty refuses before the app sees them (a malformed request line, an ambiguous or badly
 * encoded path, oversized headers) get the app's usual answer for the status, the error page or, under
 * {@code /api/} and {@code /health}, the JSON error, and one log line: no stack, no cause, no echo of the
 * request.
 */
public final class JettyErrors extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JettyErrors.class);

    private final PageRenderer pages;

    public static void install(Server server, PageRenderer pages) {
        server.setErrorHandler(new JettyErrors(pages));
    }

    /** A {@link java.lang.Error} in a handler: logged, and answered with a bare 500. */
    public static void javaLangError(HttpServletResponse response, Error error) {
        LOG.error("fatal error while handling a request", error);
        try {
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(500);
                response.setContentType("text/plain; charset=utf-8");
                response.getWriter().write(text(500));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warn("could not answer after a fatal error: {}", e.getClass().getSimpleName());
        }
    }

    private JettyErrors(PageRenderer pages) {
        this.pages = Objects.requireNonNull(pages);
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath();
        LOG.info("{} {} refused before routing: {}", request.getMethod(), RequestLog.safePath(path), code);
        String body;
        String type;
        try {
            if (Api.isApiPath(path)) {
                type = "application/json; charset=utf-8";
                body = Json.write(Json.object("error", ErrorResponses.code(code), "message", reason(code)));
            } else {
                type = "text/html; charset=utf-8";
                String heading = ErrorResponses.heading(code);
                // Jetty refuses here a request line it cannot read (a broken escape such as %zz, or %00) before it reads the
                // headers: there is no session cookie to show whose page it is. Badly encoded bytes reach the app (PathEscapes).
                body = pages.html("error.jte", new ErrorPage(pages.plainChrome(heading), code, heading, reason(code)));
            }
        } catch (RuntimeException renderFailure) {
            LOG.warn("rendering the error page of a refused request failed: {}", renderFailure.getClass().getSimpleName());
            type = "text/plain; charset=utf-8";
            body = text(code);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(new HttpField("X-Content-Type-Options", "nosniff"));
        response.getHeaders().put(new HttpField("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY));
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A 400 refused before routing is an address Jetty could not read: the one wording of a malformed address. */
    private static String reason(int status) {
        return status == 400 ? BadInput.MALFORMED_ADDRESS : ErrorResponses.defaultReason(status);
    }

    private static String text(int status) {
        if (status == 500) return "500 Something went wrong on our side. Please try again later.\n";
        if (status == 414 || status == 431 || status == 413) return status + " The request is too large.\n";
        return status + " " + reason(status) + "\n";
    }
}
