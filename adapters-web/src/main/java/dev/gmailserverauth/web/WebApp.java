package dev.gmailserverauth.web;

import dev.gmailserverauth.application.HandleSecurityEvent;
import dev.gmailserverauth.web.account.AccountFeature;
import dev.gmailserverauth.web.account.AccountUseCases;
import dev.gmailserverauth.web.events.EventRoutes;
import dev.gmailserverauth.web.events.EventStreams;
import dev.gmailserverauth.web.events.EventsWeb;
import dev.gmailserverauth.web.http.BodyBuffering;
import dev.gmailserverauth.web.http.ErrorResponses;
import dev.gmailserverauth.web.http.GracefulStop;
import dev.gmailserverauth.web.http.HeadLikeGet;
import dev.gmailserverauth.web.http.HealthRoute;
import dev.gmailserverauth.web.http.JettyErrors;
import dev.gmailserverauth.web.http.PathEscapes;
import dev.gmailserverauth.web.http.RequestLog;
import dev.gmailserverauth.web.http.SecurityHeaders;
import dev.gmailserverauth.web.http.SlowHeaderSweep;
import dev.gmailserverauth.web.http.StaticFiles;
import dev.gmailserverauth.web.http.WebThreads;
import dev.gmailserverauth.web.mail.MailFeature;
import dev.gmailserverauth.web.mail.MailUseCases;
import dev.gmailserverauth.web.risc.RiscRoutes;
import dev.gmailserverauth.web.shared.CsrfCheck;
import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.SessionUseCases;
import dev.gmailserverauth.web.shared.Sessions;
import dev.gmailserverauth.web.signin.SignInFeature;
import dev.gmailserverauth.web.signin.SignInUseCases;
import dev.gmailserverauth.web.sync.SyncRoutes;
import dev.gmailserverauth.web.sync.SyncWeb;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Builds the web front: HTML pages and the JSON API over the use cases. Each feature (sign-in, mail,
 * account, security events) is handed only its own use cases, as a small record; the app is returned
 * unstarted, and the caller picks the port and owns the lifecycle.
 *
 * <pre>{@code
 * Javalin web = WebApp.builder()
 *         .config(config).clock(clock)
 *         .sessions(new SessionUseCases(...)).signIn(new SignInUseCases(...)).mail(new MailUseCases(...))
 *         .account(new AccountUseCases(...)).securityEvents(handleSecurityEvent).databaseHealthy(db::isHealthy)
 *         .build();
 * }</pre>
 * A new feature (sync status, webhooks, several accounts) gets its own package beside {@code web.mail}, its
 * own use-case record and one more method here.
 */
public final class WebApp {
    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** Our forms carry a CSRF token and nothing else. */
    private static final int MAX_FORM_BYTES = 4 * 1024;

    private WebApp() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts; {@link #build} refuses to build with one missing, naming it. */
    public static final class Builder {
        private Optional<WebConfig> config = Optional.empty();
        private Optional<Clock> clock = Optional.empty();
        private Optional<SessionUseCases> sessions = Optional.empty();
        private Optional<SignInUseCases> signIn = Optional.empty();
        private Optional<MailUseCases> mail = Optional.empty();
        private Optional<AccountUseCases> account = Optional.empty();
        private Optional<HandleSecurityEvent> securityEvents = Optional.empty();
        private Optional<BooleanSupplier> databaseHealthy = Optional.empty();
        private WebOperations operations = WebOperations.none();
        private Optional<SyncWeb> sync = Optional.empty();
        private Optional<EventsWeb> events = Optional.empty();

        private Builder() {
        }

        public Builder config(WebConfig value) {
            config = Optional.of(value);
            return this;
        }

        /** The clock of time-based limits (the sign-in throttle). */
        public Builder clock(Clock value) {
            clock = Optional.of(value);
            return this;
        }

        public Builder sessions(SessionUseCases value) {
            sessions = Optional.of(value);
            return this;
        }

        public Builder signIn(SignInUseCases value) {
            signIn = Optional.of(value);
            return this;
        }

        public Builder mail(MailUseCases value) {
            mail = Optional.of(value);
            return this;
        }

        public Builder account(AccountUseCases value) {
            account = Optional.of(value);
            return this;
        }

        /** The Cross-Account Protection receiver's use case. */
        public Builder securityEvents(HandleSecurityEvent value) {
            securityEvents = Optional.of(value);
            return this;
        }

        /** Whether the database answers, for {@code /health} and {@code /health/ready}. */
        public Builder databaseHealthy(BooleanSupplier value) {
            databaseHealthy = Optional.of(value);
            return this;
        }

        /** Readiness checks and a request observer for operators; none unless set. */
        public Builder operations(WebOperations value) {
            operations = Objects.requireNonNull(value, "operations");
            return this;
        }

        /** The sync's routes (the Pub/Sub push receiver, {@code /api/sync}); none unless set. */
        public Builder sync(SyncWeb value) {
            sync = Optional.of(value);
            return this;
        }

        /** The event streams ({@code GET /api/events}, the pages that update themselves); none unless set. */
        public Builder events(EventsWeb value) {
            events = Optional.of(value);
            return this;
        }

        public Javalin build() {
            return create(required(config, "config"), required(clock, "clock"), required(sessions, "sessions"), required(signIn, "signIn"),
                    required(mail, "mail"), required(account, "account"), required(securityEvents, "securityEvents"),
                    required(databaseHealthy, "databaseHealthy"), operations, sync, events);
        }

        private static <T> T required(Optional<T> part, String name) {
            return part.orElseThrow(() -> new IllegalStateException("the web app needs its " + name));
        }
    }

    private static Javalin create(WebConfig config, Clock clock, SessionUseCases sessionUseCases, SignInUseCases signIn, MailUseCases mail,
            AccountUseCases account, HandleSecurityEvent securityEvents, BooleanSupplier databaseHealthy, WebOperations operations,
            Optional<SyncWeb> sync, Optional<EventsWeb> events) {
        RequestLog requestLog = new RequestLog(operations.requests());
        Sessions sessions = new Sessions(sessionUseCases, config);
        PageRenderer pages = new PageRenderer(config, sessions, sessionUseCases.accounts());
        SecurityHeaders headers = new SecurityHeaders(config);
        ErrorResponses errors = new ErrorResponses(pages, config);
        Optional<EventStreams> streams = events.map(web -> new EventStreams(web, sessionUseCases.resolve()));
        streams.ifPresent(hub -> sessions.onEnd(hub::sessionEnded));

        return HeadLikeGet.install(Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.prefer405over404 = true;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.requestLogger.http(requestLog::log);
            javalin.router.javaLangErrorHandler(JettyErrors::javaLangError);
            javalin.jetty.threadPool = WebThreads.pool();
            javalin.jetty.modifyServer(server -> JettyErrors.install(server, pages));
            javalin.jetty.modifyHttpConfiguration(PathEscapes::leaveToTheApp);
            javalin.jetty.modifyServer(server -> GracefulStop.install(server,
                    SlowHeaderSweep.around(new BodyBuffering((int) MAX_REQUEST_BYTES, MAX_FORM_BYTES, config.bodyDeadline()), config.bodyDeadline()),
                    config.shutdownGrace()));
            streams.ifPresent(hub -> javalin.jetty.modifyServer(hub::attach));
            javalin.routes.before(requestLog::begin);
            javalin.routes.before(headers::apply);
            PathEscapes.register(javalin.routes);
            new CsrfCheck(sessions, config.riscReceiverPath()).register(javalin.routes);
            new RiscRoutes(securityEvents, config.riscReceiverPath()).register(javalin.routes);
            AccountFeature.register(javalin.routes, account, sessions, pages);
            SignInFeature.register(javalin.routes, signIn, sessions, pages, config, clock);
            MailFeature.register(javalin.routes, mail, sessions, pages, config.pageSize(), clock);
            sync.ifPresent(web -> new SyncRoutes(web, sessions).register(javalin.routes));
            streams.ifPresent(hub -> new EventRoutes(hub, sessions).register(javalin.routes));
            new HealthRoute(databaseHealthy, operations.readiness()).register(javalin.routes);
            StaticFiles.register(javalin.routes);
            errors.register(javalin.routes);
        }));
    }
}
