package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.application.events.ReadEvents;
import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.DelegatedGrants;
import dev.gmailserverauth.application.BeginAuthorization;
import dev.gmailserverauth.application.CompleteAuthorization;
import dev.gmailserverauth.application.DescribeUser;
import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.application.EndSession;
import dev.gmailserverauth.application.GetAttachment;
import dev.gmailserverauth.application.GetMessage;
import dev.gmailserverauth.application.GetThread;
import dev.gmailserverauth.application.HandleSecurityEvent;
import dev.gmailserverauth.application.ListAccounts;
import dev.gmailserverauth.application.ListLabels;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.ListThreads;
import dev.gmailserverauth.application.RenewalNotice;
import dev.gmailserverauth.application.ResolveSession;
import dev.gmailserverauth.application.SessionPolicy;
import dev.gmailserverauth.application.StartSession;
import dev.gmailserverauth.application.SummaryCache;
import dev.gmailserverauth.application.SweepExpired;
import dev.gmailserverauth.application.ViewAccount;
import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.domain.model.Issuer;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import dev.gmailserverauth.google.GoogleAdapters;
import dev.gmailserverauth.google.QuotaProfile;
import dev.gmailserverauth.google.risc.GoogleSecurityEventVerifier;
import dev.gmailserverauth.google.risc.RiscConfig;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.web.WebApp;
import dev.gmailserverauth.web.events.EventsWeb;
import dev.gmailserverauth.web.WebConfig;
import dev.gmailserverauth.web.WebOperations;
import dev.gmailserverauth.web.account.AccountUseCases;
import dev.gmailserverauth.web.mail.MailUseCases;
import dev.gmailserverauth.web.shared.SessionUseCases;
import dev.gmailserverauth.web.signin.SignInUseCases;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the adapters from configuration, hands them to the use cases, and
 * starts the web server. The only class that knows every module.
 */
public final class GmailServerAuth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GmailServerAuth.class);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);
    /** The largest attachment handed out: Gmail's JSON carries it in base64 and the heap is kept small (jvm.options). */
    static final long ATTACHMENT_LIMIT_BYTES = 10L * 1024 * 1024;

    private final Deque<AutoCloseable> resources;
    private final Javalin web;
    private final URI baseUrl;
    private final Optional<GoogleSandbox> sandbox;
    private final Database persistence;
    private final OptionalInt managementPort;

    private GmailServerAuth(Deque<AutoCloseable> resources, Javalin web, URI baseUrl, Optional<GoogleSandbox> sandbox, Database persistence,
                            OptionalInt managementPort) {
        this.resources = resources;
        this.web = web;
        this.baseUrl = baseUrl;
        this.sandbox = sandbox;
        this.persistence = persistence;
        this.managementPort = managementPort;
    }

    /** Builds and starts everything; on any failure, closes what was already opened and rethrows. */
    public static GmailServerAuth start(AppConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static GmailServerAuth start(AppConfig config, Clock clock) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            ListeningSocket socket = ListeningSocket.bind(config.operations().bindAddress(), config.port());
            resources.push(socket);
            URI baseUrl = baseUrl(config, socket.port());
            RedirectUri redirectUri = redirectUri(baseUrl);

            // Independent parts start at once: on two cores their class loading overlaps. The Google adapters
            // need the sandbox's URL in sandbox mode, so they wait for the sandbox, which binds its own port
            // (any free one unless SANDBOX_PORT says which) and reports it.
            ParallelStart parts = new ParallelStart();
            Optional<ParallelStart.Part<GoogleSandbox>> sandboxPart = config.sandboxMode()
                    ? Optional.of(parts.start("sandbox", () -> startSandbox(config, redirectUri)))
                    : Optional.empty();
            var persistencePart = parts.start("persistence", () -> Database.open(persistenceConfig(config)));
            Metrics metrics = new Metrics();
            resources.push(metrics);
            var googlePart = parts.start("google", () -> {
                GoogleAdapterConfig google = googleConfig(config, redirectUri, sandboxPart.map(part -> part.await().baseUrl()))
                        .withCallListener(metrics.googleCalls());
                return new Google(google, GoogleAdapters.create(google, clock));
            });
            parts.awaitAll();
            sandboxPart.flatMap(ParallelStart.Part::result).ifPresent(resources::push);
            googlePart.result().ifPresent(google -> resources.push(google.adapters()::close));
            persistencePart.result().ifPresent(resources::push);
            parts.rethrowFirstFailure();

            Optional<GoogleSandbox> sandbox = sandboxPart.map(part -> part.result().orElseThrow());
            DelegationWiring.prepare(config, sandbox);
            Google google = googlePart.result().orElseThrow();
            Database persistence = persistencePart.result().orElseThrow();

            metrics.watch(persistence, clock);
            Lifecycle lifecycle = lifecycle(config.lifecycle(), sandbox, google.config().clientId(), clock);
            SyncConfig syncConfig = SyncWiring.effective(config.sync(), sandbox);
            Optional<SyncWiring.GoogleSync> googleSync = Optional.of(syncConfig).filter(SyncConfig::enabled)
                    .map(sync -> SyncWiring.googleSync(sync, baseUrl, google.adapters(), sandbox, clock));
            // Enrolled mailboxes of a Workspace domain are opened (and synced) through delegation, with no consent of their own.
            DelegatedGrants delegated = DelegationWiring.onFirstUse(config, google.config().gmailRootUrl(),
                    sandbox.map(s -> s.baseUrl().resolve("/")).orElse(config.delegation().adminRootUrl()), persistence, clock, resources);
            Wired wired = wire(metrics.counted(google.adapters().authorizationProvider()), google.adapters().mailbox(), persistence,
                    redirectUri, config, lifecycle, clock, metrics, syncConfig, googleSync, delegated, DelegationWiring.domain(config));
            resources.push(wired.sync());
            WebApp.Builder useCases = wired.web();
            WebhookWiring.ensureConfiguredEndpoint(config.webhooks(), persistence.webhookEndpoints(), clock);
            resources.push(startSweeper(new SweepExpired(persistence.pendingAuthorizations(), persistence.sessions(),
                    persistence.seenSecurityEvents(), clock)));

            WebConfig webConfig = WebConfig.of(baseUrl).withShutdownGrace(config.shutdownGrace()).withSignInsPerClient(config.signInsPerClient())
                    .withRiscReceiverPath(config.lifecycle().riscReceiverPath());
            if (sandbox.isPresent()) {
                webConfig = webConfig.withBanner("Sandbox mode: Google is simulated locally with demo accounts. No real mail is read.");
            }
            wired.sync().web().ifPresent(useCases::sync);
            Javalin web = useCases.config(webConfig)
                    .operations(new WebOperations(readiness(persistence, GoogleReadiness.of(config, redirectUri, google.config(), sandbox)), metrics.requests()))
                    .build();
            socket.handTo(web);
            web.start();
            resources.push(web::stop);
            wired.sync().start();
            metrics.watch(web.jettyServer().server());
            OptionalInt managementPort = OptionalInt.empty();
            if (config.operations().managementPort().isPresent()) {
                ManagementServer management = ManagementServer.start(metrics, config.operations().managementHost(),
                        config.operations().managementPort().getAsInt());
                resources.push(management);
                managementPort = OptionalInt.of(management.port());
            }
            // As a project registers its receiver with Google (RISC stream:update), once it can answer.
            URI receiver = URI.create(HttpUrls.withoutTrailingSlash(baseUrl.toString()) + config.lifecycle().riscReceiverPath());
            sandbox.ifPresent(s -> s.control().registerRiscReceiver(receiver));
            DelegationWiring.writeSandboxKey(config, sandbox);
            return new GmailServerAuth(resources, web, baseUrl, sandbox, persistence, managementPort);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static GoogleSandbox startSandbox(AppConfig config, RedirectUri redirectUri) {
        return GoogleSandbox.start(SandboxConfig.defaults(List.of(redirectUri.value().toString()))
                .withPort(config.sandboxPort()).withControlApi(config.sandboxControlApi()).withLimits(sandboxLimits(config.gmailQuotaProfile())));
    }

    /** The sandbox plays the quota table the app is configured for, with Google's per-user budget for it. */
    static SandboxLimits sandboxLimits(QuotaProfile profile) {
        return switch (profile) {
            case LEGACY -> SandboxLimits.google();
            case NEW_PROJECT_2026 -> SandboxLimits.newProject().withQuotaTable(SandboxLimits.QuotaTable.NEW_PROJECT_2026);
        };
    }

    /** Google's endpoints from the client secrets, or, given the embedded sandbox's URL, the sandbox's. */
    static GoogleAdapterConfig googleConfig(AppConfig config, RedirectUri redirectUri, Optional<URI> sandbox) {
        GoogleAdapterConfig base = sandbox
                .map(url -> GoogleAdapterConfig.forSandbox(url, SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET))
                .orElseGet(() -> GoogleAdapterConfig.fromClientSecrets(config.clientSecrets().orElseThrow(), redirectUri));
        return GoogleOverrides.apply(base, config);
    }

    /**
     * What {@code /health/ready} checks beyond the database: the schema is the one this code expects, this
     * instance's keys open the data (the canary row), and the Google configuration this instance runs on still
     * holds ({@link GoogleReadiness}). Google itself is not called: a probe must spend no quota and must not
     * take every instance out of service over a blip at Google.
     */
    private static List<WebOperations.HealthCheck> readiness(Database persistence, GoogleReadiness google) {
        return List.of(
                new WebOperations.HealthCheck("schema", () -> persistence.schema().isCurrent()),
                new WebOperations.HealthCheck("key", persistence::keysOpenTheData),
                new WebOperations.HealthCheck("google", google::holds));
    }

    /** The Google adapters and the configuration they were built with. */
    private record Google(GoogleAdapterConfig config, GoogleAdapters adapters) {
    }

    /** What a grant's life needs: the issuer the redirect back must name, the security event verifier, the renewal notice. */
    private record Lifecycle(Issuer issuer, SecurityEventVerifier verifier, RenewalNotice renewalNotice) {
    }

    /** Google's issuers as configured, or, in sandbox mode, the sandbox's. */
    private static Lifecycle lifecycle(LifecycleConfig config, Optional<GoogleSandbox> sandbox, String clientId, Clock clock) {
        Issuer issuer = new Issuer(sandbox.map(s -> s.control().issuer()).orElse(config.issuer().toString()));
        URI riscIssuer = sandbox.map(s -> URI.create(s.control().riscIssuer())).orElse(config.riscIssuer());
        RiscConfig issuerOnly = RiscConfig.forIssuer(riscIssuer, clientId);
        RiscConfig risc = sandbox.isEmpty() && config.riscConfigurationUrl().isPresent()
                ? issuerOnly.withDiscoveryUrl(config.riscConfigurationUrl().get()) : issuerOnly;
        // Sandbox mode too keeps the key set's refetch limit: its rotations are picked up when the cache ends.
        return new Lifecycle(issuer, new VerifierOnFirstEvent(() -> GoogleSecurityEventVerifier.create(risc, clock)),
                new RenewalNotice(config.reauthNotice()));
    }

    /** The web's use cases and the background sync, which share the grant's access and the sync's jobs. */
    private record Wired(WebApp.Builder web, SyncWiring sync) {
    }

    private static Wired wire(AuthorizationProvider provider, Mailbox mailbox, Database persistence, RedirectUri redirectUri,
            AppConfig config, Lifecycle lifecycle, Clock clock, Metrics metrics, SyncConfig syncConfig, Optional<SyncWiring.GoogleSync> googleSync,
            DelegatedGrants delegated, Optional<WorkspaceDomain> workspace) {
        SummaryCache cache = new SummaryCache(config.summaryCacheSize(), Duration.ofMinutes(5), clock);
        metrics.watch(cache);
        EventRecorder events = WebhookWiring.recorder(persistence);
        BeginAuthorization begin = new BeginAuthorization(provider, persistence.pendingAuthorizations(), persistence.credentials(), redirectUri,
                config.maxSignInsInFlight(), clock);
        AuthorizedAccess access = new AuthorizedAccess(persistence.credentials(), provider, metrics.timed(persistence.refreshLock()),
                persistence.accountHistory(), events, lifecycle.renewalNotice(), clock, delegated);
        SyncWiring sync = SyncWiring.create(syncConfig, persistence, access, mailbox, events, googleSync,
                WebhookWiring.rounds(config.webhooks(), persistence, clock, metrics.registry()), config.webhooks().pollInterval(), metrics, clock);
        DescribeUser describeUser = new DescribeUser(persistence.credentials());
        ListAccounts listAccounts = new ListAccounts(persistence.credentials(), clock);
        return new Wired(WebApp.builder()
                .clock(clock)
                .sessions(new SessionUseCases(new StartSession(persistence.sessions(), SessionPolicy.DEFAULT, clock),
                        new ResolveSession(persistence.sessions(), persistence.linkedAccounts(), SessionPolicy.DEFAULT, clock),
                        new EndSession(persistence.sessions()), listAccounts))
                .signIn(new SignInUseCases(begin, new CompleteAuthorization(provider, persistence.pendingAuthorizations(), persistence.credentials(),
                        persistence.linkedAccounts(), persistence.signInHolds(), persistence.accountHistory(), events, lifecycle.issuer(), sync.jobs(),
                        workspace.map(domain -> persistence.enrolledMailboxes()), clock), workspace))
                .mail(new MailUseCases(access, new ListMessages(mailbox, cache, sync.listIndexed()), new GetMessage(mailbox), new ListLabels(mailbox, sync.knownLabels()),
                        new ListThreads(mailbox), new GetThread(mailbox), new GetAttachment(mailbox, ATTACHMENT_LIMIT_BYTES)))
                .account(new AccountUseCases(
                        new ViewAccount(persistence.credentials(), persistence.accountHistory(), persistence.signInHolds(), lifecycle.renewalNotice(), clock),
                        describeUser,
                        new Disconnect(provider, persistence.credentials(), persistence.sessions(), persistence.linkedAccounts(), cache,
                                persistence.accountHistory(), sync.endSync(), events, workspace.map(domain -> persistence.enrolledMailboxes()), clock),
                        listAccounts))
                .securityEvents(new HandleSecurityEvent(lifecycle.verifier(), persistence.seenSecurityEvents(), persistence.credentials(),
                        persistence.sessions(), persistence.linkedAccounts(), persistence.signInHolds(), persistence.accountHistory(), events, cache,
                        sync.endSync(), clock))
                .databaseHealthy(persistence::isHealthy)
                .events(new EventsWeb(new ReadEvents(persistence.events()), clock, config.eventStreams())), sync);
    }

    static PersistenceConfig persistenceConfig(AppConfig config) {
        PersistenceConfig persistence = PersistenceConfig.of(config.databaseUrl());
        if (config.encryptionKey().isPresent()) persistence = persistence.withEncryptionKey(config.encryptionKey().get());
        if (config.databaseUser().isPresent()) persistence = persistence.withCredentials(config.databaseUser().get(), config.databasePassword().orElse(""));
        return persistence;
    }

    /** The embedded sandbox of a server started with a fixed {@code SANDBOX_PORT}: it listens on loopback only. */
    static URI embeddedSandboxUrl(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where browsers reach the app: {@code APP_BASE_URL}, or this host on {@code port}. */
    static URI baseUrl(AppConfig config, int port) {
        return config.baseUrl().orElse(URI.create("http://localhost:" + port));
    }

    /** The OAuth redirect URI: the base URL + {@code /oauth2/callback}; it must be registered with Google. */
    static RedirectUri redirectUri(URI baseUrl) {
        return RedirectUri.of(HttpUrls.withoutTrailingSlash(baseUrl.toString()) + "/oauth2/callback");
    }

    private static AutoCloseable startSweeper(SweepExpired sweep) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sweep-expired");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                SweepExpired.Swept swept = sweep.sweep();
                LOG.debug("swept {} abandoned sign-ins, {} expired sessions and {} old security event ids", swept.pendingAuthorizations(),
                        swept.sessions(), swept.securityEventIds());
            } catch (RuntimeException e) {
                LOG.warn("sweeping expired sign-ins and sessions failed", e);
            }
        }, 0, SWEEP_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return timer::shutdownNow;
    }

    public int port() {
        return web.port();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Optional<GoogleSandbox> sandbox() {
        return sandbox;
    }

    /** The port of the metrics endpoint; empty when {@code APP_MANAGEMENT_PORT=off}. */
    public OptionalInt managementPort() {
        return managementPort;
    }

    public boolean isHealthy() {
        return persistence.isHealthy();
    }

    /** Stops accepting requests, lets running ones finish, then closes the pool and the sandbox. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing a resource failed", e);
            }
        }
    }

}
