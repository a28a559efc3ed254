package dev.gmailserverauth.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the web front: HTML pages and the JSON API over the use cases. Returns the app unstarted; the
 * caller picks the port and owns the lifecycle.
 */
public final class WebApp {
    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** Our forms carry a CSRF token and nothing else. */
    private static final int MAX_FORM_BYTES = 4 * 1024;
    /** At most this many sidebars load at once; the page waits this long after its main call for its sidebar. */
    private static final int SIDEBAR_THREADS = 16;
    private static final Duration SIDEBAR_PATIENCE = Duration.ofMillis(750);

    private WebApp() {
    }

    public static Javalin create(WebConfig config, WebUseCases useCases) {
        return create(config, useCases, WebOperations.none());
    }

    /** The same, with readiness checks and a request observer for operators, on the system clock. */
    public static Javalin create(WebConfig config, WebUseCases useCases, WebOperations operations) {
        return create(config, useCases, operations, Clock.systemUTC());
    }

    /** The same, with the clock the use cases run on, so that the web edge's own timing (the sign-in throttle) follows it. */
    public static Javalin create(WebConfig config, WebUseCases useCases, WebOperations operations, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(operations, "operations");
        RequestLog requestLog = new RequestLog(operations.requests());
        Sessions sessions = new Sessions(useCases.startSession(), useCases.resolveSession(), useCases.endSession(), config);
        PageRenderer pages = new PageRenderer(config, sessions, useCases.describeUser());
        Grants grants = new Grants(useCases.authorizedAccess(), sessions);
        SecurityHeaders headers = new SecurityHeaders(config);
        ErrorResponses errors = new ErrorResponses(pages, config);
        Sidebar sidebar = Sidebar.withOwnThreads(SIDEBAR_THREADS, SIDEBAR_PATIENCE);

        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.prefer405over404 = true;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.requestLogger.http(requestLog::log);
            javalin.router.javaLangErrorHandler(JettyErrors::javaLangError);
            javalin.jetty.threadPool = WebThreads.pool();
            javalin.jetty.modifyServer(JettyErrors::install);
            javalin.jetty.modifyServer(server -> GracefulStop.install(server,
                    new RequestArrival(null, (int) MAX_REQUEST_BYTES, MAX_FORM_BYTES, config.bodyDeadline()), config.shutdownGrace()));
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });

            javalin.routes.before(requestLog::begin);
            javalin.routes.before(headers::apply);
            new AccountRoutes(useCases.disconnect(), sessions, config.riscReceiverPath()).register(javalin.routes);
            new RiscRoutes(useCases.handleSecurityEvent(), config.riscReceiverPath()).register(javalin.routes);
            new ConnectionRoutes(useCases.viewAccount(), sessions, pages).register(javalin.routes);
            new SignInRoutes(useCases.begin(), useCases.complete(), sessions, new SignInCookie(config),
                    new SignInThrottle(config.signInsPerClient(), WebConfig.SIGN_IN_REFILL, clock), pages).register(javalin.routes);
            new MailPages(useCases.listMessages(), useCases.listLabels(), useCases.getMessage(), grants, pages, sidebar, config.pageSize())
                    .register(javalin.routes);
            new ThreadPages(useCases.getThread(), useCases.listLabels(), grants, pages, sidebar).register(javalin.routes);
            new MessageFrames(useCases.getMessage(), grants).register(javalin.routes);
            new AttachmentRoutes(useCases.getAttachment(), grants).register(javalin.routes);
            new ApiRoutes(useCases.listMessages(), useCases.describeUser(), grants, sessions).register(javalin.routes);
            new MailApi(useCases.getMessage(), useCases.listThreads(), useCases.getThread(), useCases.listLabels(), grants, sidebar)
                    .register(javalin.routes);
            new HealthRoute(useCases.databaseHealthy(), operations.readiness()).register(javalin.routes);
            errors.register(javalin.routes);
        });
    }
}
