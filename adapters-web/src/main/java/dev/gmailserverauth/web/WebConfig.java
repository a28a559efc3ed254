package dev.gmailserverauth.web;

import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.domain.model.PageSize;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web front behaves.
 *
 * @param baseUrl        where browsers reach the app; an {@code https} URL makes cookies {@code Secure} and adds HSTS
 * @param exposeErrors   show the exception class and message on 500 pages (local debugging only; always false in production)
 * @param pageSize       messages per HTML page when the request does not say ({@code maxResults})
 * @param sessionMaxAge  how long the browser keeps the session cookie (the server ends sessions on its own policy)
 * @param banner         a line shown on top of every page, for example "Sandbox mode: sign in with a demo account"
 * @param shutdownGrace  on stop, how long requests already running may take to finish (new ones are refused at once)
 * @param signInsPerClient how many sign-ins one client address may start at once; after that, one more every
 *                       {@link #SIGN_IN_REFILL} (a bound on {@code /login}, which stores a pending authorization)
 * @param bodyDeadline   how long a request body may take to arrive whole; a slower one is answered 408
 * @param riscReceiverPath where Google's security event tokens are POSTed (Cross-Account Protection), an absolute path
 */
public record WebConfig(URI baseUrl, boolean exposeErrors, int pageSize, Duration sessionMaxAge, Optional<String> banner,
                        Duration shutdownGrace, int signInsPerClient, Duration bodyDeadline, String riscReceiverPath) {
    public static final String DEFAULT_RISC_RECEIVER_PATH = "/risc/events";
    public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(10);
    public static final int DEFAULT_SIGN_INS_PER_CLIENT = 20;
    public static final Duration SIGN_IN_REFILL = Duration.ofSeconds(3);
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final Duration DEFAULT_SESSION_MAX_AGE = Duration.ofDays(30);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public WebConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        HttpUrls.requireHttp(baseUrl, "base URL");
        if (pageSize < 1 || pageSize > PageSize.MAX) throw new IllegalArgumentException("page size must be between 1 and " + PageSize.MAX);
        Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        if (sessionMaxAge.isNegative() || sessionMaxAge.isZero()) throw new IllegalArgumentException("session max age must be positive");
        Objects.requireNonNull(banner, "banner");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) throw new IllegalArgumentException("shutdown grace is negative");
        if (signInsPerClient < 1) throw new IllegalArgumentException("sign-ins per client must be at least 1");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        if (bodyDeadline.isNegative() || bodyDeadline.isZero()) throw new IllegalArgumentException("body deadline must be positive");
        Objects.requireNonNull(riscReceiverPath, "riscReceiverPath");
        if (!isPlainPath(riscReceiverPath)) {
            throw new IllegalArgumentException("RISC receiver path must be an absolute path of plain segments, e.g. /risc/events");
        }
    }

    /** Production defaults for this base URL: errors hidden, 25 messages a page, no banner. */
    public static WebConfig of(URI baseUrl) {
        return new WebConfig(baseUrl, false, DEFAULT_PAGE_SIZE, DEFAULT_SESSION_MAX_AGE, Optional.empty(), DEFAULT_SHUTDOWN_GRACE, DEFAULT_SIGN_INS_PER_CLIENT, DEFAULT_BODY_DEADLINE,
                DEFAULT_RISC_RECEIVER_PATH);
    }

    public WebConfig withBanner(String text) {
        return new WebConfig(baseUrl, exposeErrors, pageSize, sessionMaxAge, Optional.of(text).filter(t -> !t.isBlank()), shutdownGrace, signInsPerClient, bodyDeadline,
                riscReceiverPath);
    }

    public WebConfig withPageSize(int size) {
        return new WebConfig(baseUrl, exposeErrors, size, sessionMaxAge, banner, shutdownGrace, signInsPerClient, bodyDeadline,
                riscReceiverPath);
    }

    public WebConfig withExposeErrors(boolean expose) {
        return new WebConfig(baseUrl, expose, pageSize, sessionMaxAge, banner, shutdownGrace, signInsPerClient, bodyDeadline,
                riscReceiverPath);
    }

    public WebConfig withShutdownGrace(Duration grace) {
        return new WebConfig(baseUrl, exposeErrors, pageSize, sessionMaxAge, banner, grace, signInsPerClient, bodyDeadline,
                riscReceiverPath);
    }

    public WebConfig withSignInsPerClient(int signIns) {
        return new WebConfig(baseUrl, exposeErrors, pageSize, sessionMaxAge, banner, shutdownGrace, signIns, bodyDeadline, riscReceiverPath);
    }

    public WebConfig withBodyDeadline(Duration deadline) {
        return new WebConfig(baseUrl, exposeErrors, pageSize, sessionMaxAge, banner, shutdownGrace, signInsPerClient, deadline, riscReceiverPath);
    }

    public WebConfig withRiscReceiverPath(String path) {
        return new WebConfig(baseUrl, exposeErrors, pageSize, sessionMaxAge, banner, shutdownGrace, signInsPerClient, bodyDeadline, path);
    }

    /** An absolute URL path of plain segments ({@code /risc/events}): no query, no escapes, no dot segments. */
    public static boolean isPlainPath(String path) {
        return path.matches("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");
    }

    /** True when the app is served over TLS: cookies get {@code Secure}, responses get HSTS. */
    public boolean secure() {
        return baseUrl.getScheme().equalsIgnoreCase("https");
    }
}
