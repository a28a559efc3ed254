package dev.gmailserverauth.web.http;

import dev.gmailserverauth.domain.error.LockTimeoutException;
import dev.gmailserverauth.domain.error.ProviderConfigurationException;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.web.WebConfig;
import dev.gmailserverauth.web.shared.Api;
import dev.gmailserverauth.web.shared.BadInput;
import dev.gmailserverauth.web.shared.ConsentReasons;
import dev.gmailserverauth.web.shared.ErrorPage;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.Formats;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into responses: a page for browsers, JSON under {@code /api/} and
 * {@code /health}. Expected failures say what went wrong; anything unexpected is logged (with its stack
 * trace, in the log only) and answered with a generic 500 that reveals nothing.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final List<Integer> STATUSES_WITH_PAGES = List.of(400, 401, 403, 404, 405, 406, 408, 413, 414, 415, 429, 431, 500, 501, 503);

    private final PageRenderer pages;
    private final WebConfig config;

    public ErrorResponses(PageRenderer pages, WebConfig config) {
        this.pages = Objects.requireNonNull(pages);
        this.config = Objects.requireNonNull(config);
    }

    public void register(RoutesConfig routes) {
        routes.exception(Failure.class, (e, ctx) -> failure(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), defaultReason(e.getStatus())));
        routes.exception(ProviderUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: Google is unavailable ({})", ctx.method().name(), RequestLog.safePath(ctx), e.getMessage());
            respond(ctx, 503, "Google could not be reached just now. Please try again in a moment.");
        });
        routes.exception(ProviderConfigurationException.class, (e, ctx) -> {
            LOG.error("{} {}: Google refused the request as configured ({})", ctx.method().name(), RequestLog.safePath(ctx), e.getMessage());
            respond(ctx, 502, "Google refused this request, so nothing was changed. This is a problem with this server's setup; "
                    + "it has been logged. Please try again later.");
        });
        routes.exception(LockTimeoutException.class, (e, ctx) -> {
            LOG.warn("{} {}: refresh lock timed out", ctx.method().name(), RequestLog.safePath(ctx));
            respond(ctx, 503, "Your access is being renewed by another request. Please try again in a moment.");
        });
        routes.exception(Exception.class, this::unexpected);
        STATUSES_WITH_PAGES.forEach(status -> routes.error(status, this::fallback));
    }

    private void failure(Context ctx, Failure failure) {
        failure.answer(new Failure.Answers() {
            @Override
            public void badInput(BadInput bad) {
                respond(ctx, 400, bad.reason());
            }

            @Override
            public void notSignedIn(Failure.NotSignedIn notSignedIn) {
                if (Api.isApi(ctx)) {
                    answerJson(ctx, 401, Json.object("error", "unauthenticated", "message", notSignedIn.reason(), "loginUrl", "/login"));
                } else {
                    Responses.markAnswered(ctx);
                    ctx.redirect("/login", HttpStatus.FOUND);
                }
            }

            @Override
            public void consentNeeded(Failure.ConsentNeeded consent) {
                ErrorResponses.this.consentNeeded(ctx, consent);
            }

            @Override
            public void notFound(Failure.NotFound notFound) {
                respond(ctx, 404, notFound.reason());
            }

            @Override
            public void forbidden(Failure.Forbidden forbidden) {
                respond(ctx, 403, forbidden.reason());
            }

            @Override
            public void tooLarge(Failure.TooLarge tooLarge) {
                if (Api.isApi(ctx)) {
                    answerJson(ctx, 422, Json.object("error", "attachment_too_large", "message", tooLarge.reason(),
                            "sizeBytes", tooLarge.sizeBytes(), "limitBytes", tooLarge.limitBytes()));
                } else {
                    respond(ctx, 422, tooLarge.reason());
                }
            }

            @Override
            public void tooManyRequests(Failure.TooManyRequests tooMany) {
                ctx.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
                respond(ctx, 429, tooMany.reason());
            }

            @Override
            public void rateLimited(Failure.RateLimited limited) {
                ErrorResponses.this.rateLimited(ctx, limited);
            }
        });
    }

    private void consentNeeded(Context ctx, Failure.ConsentNeeded consent) {
        String path = Links.reconsent(consent.consent());
        if (Api.isApi(ctx)) {
            answerJson(ctx, 401, Json.object("error", "reauthorization_required", "message", consent.reason(),
                    "consentReason", consent.consent().reason().name(), "authorizationUrl", config.baseUrl().resolve(path).toString()));
        } else if (ConsentReasons.explainFirst(consent.consent().reason())) {
            String heading = ConsentReasons.heading(consent.consent().reason());
            pages.render(ctx, 200, "consent.jte", ConsentReasons.page(pages.plainChrome(heading), consent.consent()));
        } else {
            Responses.markAnswered(ctx);
            ctx.redirect(path, HttpStatus.FOUND);
        }
    }

    /** Gmail's limits, not the visitor's pace: 429 with {@code Retry-After}; JSON says how many seconds, a page says it in words. */
    private void rateLimited(Context ctx, Failure.RateLimited limited) {
        long seconds = limited.retryAfterSeconds();
        ctx.header("Retry-After", Long.toString(seconds));
        if (Api.isApi(ctx)) {
            answerJson(ctx, 429, Json.object("error", "rate_limited", "message", limited.reason(), "retryAfterSeconds", seconds));
            return;
        }
        page(ctx, 429, "Please wait a moment", limited.reason() + " Please try again in " + Formats.waitInWords(seconds) + " (after "
                + Formats.utcSeconds(limited.retryAt()) + " UTC); nothing is wrong with your account.");
    }

    private void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method().name(), RequestLog.safePath(ctx), e);
        String reason = config.exposeErrors()
                ? e.getClass().getName() + ": " + e.getMessage()
                : "Something went wrong on our side. It has been logged; please try again later.";
        respond(ctx, 500, reason);
    }

    /** Statuses set without one of our answers (an unknown route, a wrong method...). */
    private void fallback(Context ctx) {
        if (Responses.answered(ctx)) return;
        respond(ctx, ctx.statusCode(), defaultReason(ctx.statusCode()));
    }

    private void respond(Context ctx, int status, String reason) {
        if (Api.isApi(ctx)) {
            answerJson(ctx, status, Json.object("error", code(status), "message", reason));
            return;
        }
        page(ctx, status, heading(status), reason);
    }

    private void page(Context ctx, int status, String heading, String reason) {
        try {
            pages.render(ctx, status, "error.jte", new ErrorPage(pages.errorChrome(ctx, heading, status), status, heading, reason));
        } catch (RuntimeException renderFailure) {
            LOG.error("rendering the error page failed", renderFailure);
            Responses.text(ctx, status, heading + ": " + reason);
        }
    }

    private static void answerJson(Context ctx, int status, Object body) {
        Responses.json(ctx, status, body);
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 431 -> "headers_too_large";
            case 502 -> "bad_gateway";
            case 503 -> "unavailable";
            case 500 -> "internal_error";
            default -> status >= 500 ? "server_error" : "client_error";
        };
    }

    static String heading(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not signed in";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 422 -> "Cannot be served";
            case 429 -> "Too many requests";
            case 502 -> "Google refused the request";
            case 503 -> "Temporarily unavailable";
            case 500 -> "Something went wrong";
            default -> "Error " + status;
        };
    }

    static String defaultReason(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that kind of request.";
            case 400 -> "The request could not be understood.";
            case 413, 414, 431 -> "The request is too large.";
            case 500 -> "Something went wrong on our side. Please try again later.";
            default -> "The request could not be completed (" + status + ").";
        };
    }
}
