package dev.gmailserverauth.bootstrap;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.gmailserverauth.application.SummaryCache;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.RefreshLock;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.web.WebOperations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;

/**
 * The application's meters, in Prometheus form (Micrometer's names with dots become underscores, timers
 * get {@code _seconds}, counters {@code _total}). Domain and application know nothing of it: bootstrap
 * wraps the driven ports it hands out (the refresh lock, the authorization provider), reads plain
 * numbers from the application ({@link SummaryCache#stats()}) and the stores, and listens to the web
 * ({@link WebOperations.RequestObserver}) and the Google adapter. Tags are bounded: route templates,
 * never raw paths; outcomes and kinds from small fixed sets; never a user.
 */
final class Metrics implements AutoCloseable {
    /** A refresh that ended in an exception (Google unreachable, a bug) rather than in one of the outcomes. */
    private static final String REFRESH_FAILED = "failed";
    private static final String LOCK_ACQUIRED = "acquired";
    private static final String LOCK_NOT_ACQUIRED = "not_acquired";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The JVM's GC binder listens to the GC's notifications until closed. */
    private final List<JvmGcMetrics> gcListeners = new CopyOnWriteArrayList<>();

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The meters of the Google adapter's calls, for its call listener. */
    GoogleCallMetrics googleCalls() {
        return new GoogleCallMetrics(registry);
    }

    /** {@code http_server_requests_seconds{method, route, status}}: every request by route template. */
    WebOperations.RequestObserver requests() {
        return (method, route, status, took) -> Timer.builder("http.server.requests")
                .description("HTTP requests on the public port, by route template and status")
                .tags("method", method, "route", route, "status", String.valueOf(status))
                .register(registry)
                .record(took);
    }

    /** {@code refresh_lock_wait_seconds{outcome}}: how long token refreshes waited for the per-user lock (acquired or timed out). */
    RefreshLock timed(RefreshLock lock) {
        Objects.requireNonNull(lock, "lock");
        List.of(LOCK_ACQUIRED, LOCK_NOT_ACQUIRED).forEach(this::lockWait);
        return new RefreshLock() {
            @Override
            public <T> T callExclusively(UserId userId, Duration timeout, Supplier<T> action) {
                long start = System.nanoTime();
                boolean[] acquired = {false};
                try {
                    return lock.callExclusively(userId, timeout, () -> {
                        acquired[0] = true;
                        lockWait(LOCK_ACQUIRED).record(Duration.ofNanos(System.nanoTime() - start));
                        return action.get();
                    });
                } finally {
                    if (!acquired[0]) lockWait(LOCK_NOT_ACQUIRED).record(Duration.ofNanos(System.nanoTime() - start));
                }
            }
        };
    }

    /**
     * {@code oauth_token_refreshes_total{outcome}}: refreshes of access tokens, by how they ended: each case of
     * {@link AuthorizationProvider.Refresh} in snake case, or {@code failed} (an exception). Every outcome is
     * there from the start, at zero.
     */
    AuthorizationProvider counted(AuthorizationProvider provider) {
        Objects.requireNonNull(provider, "provider");
        refreshOutcomes().forEach(this::refreshes);
        return new AuthorizationProvider() {
            @Override
            public AuthorizationUrl authorizationUrl(AuthorizationRequest request) {
                return provider.authorizationUrl(request);
            }

            @Override
            public CodeExchange exchange(AuthorizationCode code, PkceVerifier verifier, RedirectUri redirectUri) {
                return provider.exchange(code, verifier, redirectUri);
            }

            @Override
            public Refresh refresh(RefreshToken refreshToken) {
                try {
                    Refresh refresh = provider.refresh(refreshToken);
                    refreshes(outcome(refresh.getClass())).increment();
                    return refresh;
                } catch (RuntimeException e) {
                    refreshes(REFRESH_FAILED).increment();
                    throw e;
                }
            }

            @Override
            public Identification identify(AccessToken accessToken) {
                return provider.identify(accessToken);
            }

            @Override
            public Revocation revoke(RefreshToken refreshToken) {
                return provider.revoke(refreshToken);
            }
        };
    }

    /** {@code summary_cache_hits_total}, {@code summary_cache_misses_total}, {@code summary_cache_entries}. */
    void watch(SummaryCache cache) {
        FunctionCounter.builder("summary.cache.hits", cache, c -> c.stats().hits()).description("message summaries found in the cache").register(registry);
        FunctionCounter.builder("summary.cache.misses", cache, c -> c.stats().misses()).description("message summaries fetched from Gmail").register(registry);
        Gauge.builder("summary.cache.entries", cache, c -> c.stats().size()).description("message summaries the cache holds").register(registry);
    }

    /**
     * {@code sessions_active}, {@code credentials_stored} (counted in the database at each scrape, so
     * every instance reports the shared numbers) and HikariCP's {@code hikaricp_connections_*}.
     */
    void watch(Database persistence, Clock clock) {
        Gauge.builder("sessions.active", persistence, p -> p.activeSessions(clock.instant()))
                .description("browser sessions that have not expired (all instances)").register(registry);
        Gauge.builder("credentials.stored", persistence, Database::storedCredentials)
                .description("stored credentials, one per connected person (all instances)").register(registry);
        persistence.trackPools(new MicrometerMetricsTrackerFactory(registry));
    }

    /**
     * The running server: Jetty's request threads ({@code jetty_threads_*}) and connections ({@code jetty_connections_*}),
     * and the JVM's memory, GC, threads, classes, CPU and uptime. The JVM's binders start the platform's management
     * beans (about 130 classes): bound here, once the server listens, they stay off the start's critical path.
     */
    void watch(Server jetty) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gcListeners.add(gc);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new JettyServerThreadPoolMetrics(jetty.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(jetty, registry);
    }

    private Timer lockWait(String outcome) {
        return Timer.builder("refresh.lock.wait").description("time a token refresh waited for the user's refresh lock")
                .tag("outcome", outcome).register(registry);
    }

    private Counter refreshes(String outcome) {
        return Counter.builder("oauth.token.refreshes").description("access token refreshes at Google, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** The cases of the sealed {@link AuthorizationProvider.Refresh}, read from the type itself so that a new case is counted from the start too. */
    static List<String> refreshOutcomes() {
        return Stream.concat(Arrays.stream(AuthorizationProvider.Refresh.class.getPermittedSubclasses()).map(Metrics::outcome), Stream.of(REFRESH_FAILED))
                .toList();
    }

    private static String outcome(Class<?> refreshCase) {
        return refreshCase.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        gcListeners.forEach(JvmGcMetrics::close);
        registry.close();
    }
}
