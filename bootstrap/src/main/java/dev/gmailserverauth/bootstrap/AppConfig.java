package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import dev.gmailserverauth.google.QuotaProfile;
import dev.gmailserverauth.persistence.crypto.Keyring;
import dev.gmailserverauth.web.WebConfig;
import dev.gmailserverauth.web.events.StreamLimits;
import dev.gmailserverauth.webhooks.ReceiverAddresses;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the application is configured with, read once from environment variables. Each
 * variable is documented in the README's configuration table.
 *
 * @param clientSecrets Google's client_secrets.json; empty means sandbox mode
 * @param port the HTTP port; 0 picks a free one
 * @param baseUrl where browsers reach the app; the OAuth redirect URI is this plus {@code /oauth2/callback}
 */
public record AppConfig(
        Optional<Path> clientSecrets,
        int port,
        Optional<URI> baseUrl,
        String databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<String> encryptionKey,
        Optional<URI> googleApiRootUrl,
        Optional<URI> googleRevokeUrl,
        Optional<URI> googleUserinfoRootUrl,
        Optional<URI> googleBatchUrl,
        Duration googleConnectTimeout,
        Duration googleReadTimeout,
        int sandboxPort,
        boolean sandboxControlApi,
        int summaryCacheSize,
        Duration shutdownGrace,
        int signInsPerClient,
        int maxSignInsInFlight,
        QuotaProfile gmailQuotaProfile,
        int gmailUnitsPerMinute,
        Duration googleDeadline,
        LifecycleConfig lifecycle,
        OperationsConfig operations,
        WorkspaceDelegationSettings delegation,
        SyncConfig sync,
        WebhookConfig webhooks,
        StreamLimits eventStreams) {

    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:./data/app.db";

    public AppConfig {
        Objects.requireNonNull(clientSecrets);
        Objects.requireNonNull(baseUrl);
        Objects.requireNonNull(databaseUrl);
        Objects.requireNonNull(databaseUser);
        Objects.requireNonNull(databasePassword);
        Objects.requireNonNull(encryptionKey);
        Objects.requireNonNull(lifecycle);
        Objects.requireNonNull(gmailQuotaProfile);
        Objects.requireNonNull(webhooks);
        Objects.requireNonNull(operations);
        Objects.requireNonNull(delegation);
        Objects.requireNonNull(sync);
        Objects.requireNonNull(eventStreams);
    }

    public boolean sandboxMode() {
        return clientSecrets.isEmpty();
    }

    /** The defaults: sandbox mode, port 8080, SQLite under ./data. */
    public static AppConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /** Reads and checks every variable; the first bad one fails with a {@link ConfigurationException}. */
    public static AppConfig fromEnvironment(Map<String, String> env) {
        Reader read = new Reader(env);
        int port = read.port("APP_PORT", 8080);
        QuotaProfile quotaProfile = read.quotaProfile("GMAIL_QUOTA_PROFILE");
        return new AppConfig(
                read.optional("GMAIL_CLIENT_SECRETS").map(Path::of),
                port,
                read.url("APP_BASE_URL"),
                read.databaseUrl("APP_DATABASE_URL"),
                read.optional("APP_DATABASE_USER"),
                read.optional("APP_DATABASE_PASSWORD"),
                read.encryptionKey("APP_ENCRYPTION_KEY"),
                read.url("GOOGLE_API_ROOT_URL"),
                read.url("GOOGLE_REVOKE_URL"),
                read.url("GOOGLE_USERINFO_ROOT_URL"),
                read.url("GOOGLE_BATCH_URL"),
                read.duration("GOOGLE_CONNECT_TIMEOUT", GoogleAdapterConfig.DEFAULT_CONNECT_TIMEOUT),
                read.duration("GOOGLE_READ_TIMEOUT", GoogleAdapterConfig.DEFAULT_READ_TIMEOUT),
                read.port("SANDBOX_PORT", 0),
                read.flag("SANDBOX_CONTROL_API"),
                read.integer("APP_SUMMARY_CACHE_SIZE", 10_000, 0, 1_000_000),
                read.duration("APP_SHUTDOWN_GRACE", Duration.ofSeconds(10)),
                read.integer("APP_SIGNINS_PER_CLIENT", 20, 1, 1_000_000),
                read.integer("APP_MAX_SIGNINS_IN_FLIGHT", 10_000, 1, 10_000_000),
                quotaProfile,
                read.integer("GMAIL_QUOTA_UNITS_PER_MINUTE", quotaProfile.unitsPerMinute(), 1, 10_000_000),
                read.duration("GOOGLE_DEADLINE", Duration.ofSeconds(10)),
                new LifecycleConfig(
                        read.url("GOOGLE_ISSUER").orElse(LifecycleConfig.GOOGLE_ISSUER),
                        read.url("GOOGLE_RISC_ISSUER").orElse(LifecycleConfig.GOOGLE_RISC_ISSUER),
                        read.url("GOOGLE_RISC_CONFIGURATION_URL"),
                        read.path("APP_RISC_RECEIVER_PATH", LifecycleConfig.DEFAULT_RISC_RECEIVER_PATH),
                        read.duration("APP_REAUTH_NOTICE", LifecycleConfig.DEFAULT_REAUTH_NOTICE)),
                read.operations(port),
                read.delegation(),
                read.sync(),
                read.webhooks(),
                StreamLimits.defaults().withCaps(read.integer("APP_EVENTS_PER_PERSON", StreamLimits.DEFAULT_PER_PERSON, 1, 10_000),
                        read.integer("APP_EVENTS_PER_INSTANCE", StreamLimits.DEFAULT_PER_INSTANCE, 1, 1_000_000)));
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(clientSecrets, newPort, baseUrl, databaseUrl, databaseUser, databasePassword, encryptionKey, googleApiRootUrl,
                googleRevokeUrl, googleUserinfoRootUrl, googleBatchUrl, googleConnectTimeout, googleReadTimeout, sandboxPort, sandboxControlApi, summaryCacheSize,
                shutdownGrace, signInsPerClient, maxSignInsInFlight, gmailQuotaProfile, gmailUnitsPerMinute, googleDeadline, lifecycle, operations, delegation, sync,
                webhooks, eventStreams);
    }

    public AppConfig withDatabaseUrl(String url) {
        return new AppConfig(clientSecrets, port, baseUrl, url, databaseUser, databasePassword, encryptionKey, googleApiRootUrl,
                googleRevokeUrl, googleUserinfoRootUrl, googleBatchUrl, googleConnectTimeout, googleReadTimeout, sandboxPort, sandboxControlApi, summaryCacheSize,
                shutdownGrace, signInsPerClient, maxSignInsInFlight, gmailQuotaProfile, gmailUnitsPerMinute, googleDeadline, lifecycle, operations, delegation, sync,
                webhooks, eventStreams);
    }

    /** Reads one kind of value per method, naming the variable in every complaint. */
    private record Reader(Map<String, String> env) {
        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        /** Which of Gmail's quota tables the project has; a new project's ({@code 2026}) unless named. */
        QuotaProfile quotaProfile(String name) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) return QuotaProfile.NEW_PROJECT_2026;
            return QuotaProfile.byId(raw.get())
                    .orElseThrow(() -> new ConfigurationException(name, "must be legacy or 2026, was '" + raw.get() + "'"));
        }

        int port(String name, int fallback) {
            return integer(name, fallback, 0, 65_535);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) return fallback;
            try {
                int value = Integer.parseInt(raw.get());
                if (value < min || value > max) throw new ConfigurationException(name, "must be between " + min + " and " + max + ", was " + value);
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name, "must be a whole number, was '" + raw.get() + "'");
            }
        }

        Optional<URI> url(String name) {
            return optional(name).map(raw -> {
                try {
                    URI uri = new URI(raw);
                    if (!HttpUrls.isHttp(uri)) throw new ConfigurationException(name, "must be an absolute http(s) URL, was '" + raw + "'");
                    return uri;
                } catch (java.net.URISyntaxException e) {
                    throw new ConfigurationException(name, "is not a URL: " + e.getReason());
                }
            });
        }

        String databaseUrl(String name) {
            String url = optional(name).orElse(DEFAULT_DATABASE_URL);
            if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
                throw new ConfigurationException(name, "must start with jdbc:sqlite: or jdbc:postgresql:");
            }
            return url;
        }

        /** One base64 key, or several separated by commas ({@code NEW,OLD}), checked by the persistence adapter's own rule. */
        Optional<String> encryptionKey(String name) {
            Optional<String> keys = optional(name);
            keys.ifPresent(raw -> {
                try {
                    Keyring.parse(raw);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(name, e.getMessage());
                }
            });
            return keys;
        }

        OperationsConfig operations(int publicPort) {
            OperationsConfig.LogFormat format = switch (optional("APP_LOG_FORMAT").map(v -> v.toLowerCase(Locale.ROOT)).orElse("text")) {
                case "text" -> OperationsConfig.LogFormat.TEXT;
                case "json" -> OperationsConfig.LogFormat.JSON;
                default -> throw new ConfigurationException("APP_LOG_FORMAT", "must be text or json");
            };
            boolean off = optional("APP_MANAGEMENT_PORT").map(v -> v.equalsIgnoreCase("off")).orElse(false);
            OptionalInt managementPort = off ? OptionalInt.empty()
                    : OptionalInt.of(port("APP_MANAGEMENT_PORT", OperationsConfig.defaultManagementPort(publicPort)));
            if (managementPort.isPresent() && managementPort.getAsInt() != 0 && managementPort.getAsInt() == publicPort) {
                throw new ConfigurationException("APP_MANAGEMENT_PORT", "must differ from APP_PORT: metrics are never served on the public port");
            }
            return new OperationsConfig(optional("APP_BIND_ADDRESS").orElse(OperationsConfig.DEFAULT_BIND_ADDRESS), format,
                    optional("APP_MANAGEMENT_HOST").orElse(OperationsConfig.DEFAULT_MANAGEMENT_HOST), managementPort);
        }

        /** GOOGLE_SERVICE_ACCOUNT_KEY and its companions: all or nothing, the administrator of the domain. */
        WorkspaceDelegationSettings delegation() {
            Optional<Path> key = optional("GOOGLE_SERVICE_ACCOUNT_KEY").map(Path::of);
            Optional<String> domain = optional("GOOGLE_WORKSPACE_DOMAIN").map(d -> d.toLowerCase(Locale.ROOT));
            Optional<String> admin = optional("GOOGLE_WORKSPACE_ADMIN").map(a -> a.toLowerCase(Locale.ROOT));
            URI adminRoot = url("GOOGLE_ADMIN_ROOT_URL").orElse(dev.gmailserverauth.google.delegation.DelegationConfig.GOOGLE_ADMIN_ROOT_URL);
            boolean sandbox = optional("GMAIL_CLIENT_SECRETS").isEmpty();
            if (!sandbox && key.isPresent() && domain.isEmpty()) {
                throw new ConfigurationException("GOOGLE_WORKSPACE_DOMAIN", "is needed with GOOGLE_SERVICE_ACCOUNT_KEY: the domain whose mailboxes are read");
            }
            if (!sandbox && key.isPresent() && admin.isEmpty()) {
                throw new ConfigurationException("GOOGLE_WORKSPACE_ADMIN", "is needed with GOOGLE_SERVICE_ACCOUNT_KEY: an administrator of "
                        + domain.get() + ", impersonated to list its users");
            }
            if (!sandbox && key.isEmpty() && (domain.isPresent() || admin.isPresent())) {
                throw new ConfigurationException("GOOGLE_SERVICE_ACCOUNT_KEY", "is needed for domain-wide delegation (GOOGLE_WORKSPACE_DOMAIN is set)");
            }
            domain.ifPresent(d -> {
                if (!d.matches("[a-z0-9.-]+\\.[a-z]{2,}")) throw new ConfigurationException("GOOGLE_WORKSPACE_DOMAIN", "is not a domain name: '" + d + "'");
            });
            admin.ifPresent(a -> {
                if (domain.isPresent() && !a.endsWith("@" + domain.get())) {
                    throw new ConfigurationException("GOOGLE_WORKSPACE_ADMIN", "must be an address of " + domain.get() + ", was '" + a + "'");
                }
            });
            return new WorkspaceDelegationSettings(key, domain, admin, adminRoot);
        }

        SyncConfig sync() {
            Optional<String> topic = matching("GMAIL_PUBSUB_TOPIC", SyncConfig.TOPIC, "projects/P/topics/T");
            Optional<String> subscription = matching("GMAIL_PUBSUB_SUBSCRIPTION", SyncConfig.SUBSCRIPTION, "projects/P/subscriptions/S");
            Optional<String> serviceAccount = optional("GMAIL_PUSH_SERVICE_ACCOUNT");
            if (topic.isPresent() && subscription.isEmpty() && serviceAccount.isEmpty()) {
                throw new ConfigurationException("GMAIL_PUSH_SERVICE_ACCOUNT", "is required when GMAIL_PUBSUB_TOPIC is set and"
                        + " GMAIL_PUBSUB_SUBSCRIPTION is not: pushes are accepted only from the service account their subscription names");
            }
            return new SyncConfig(onOff("APP_SYNC", true), topic, path("GMAIL_PUSH_PATH", SyncConfig.DEFAULT_PUSH_PATH), url("GMAIL_PUSH_AUDIENCE"), serviceAccount,
                    subscription, url("GOOGLE_OIDC_CERTS_URL").orElse(SyncConfig.GOOGLE_OIDC_CERTS_URL),
                    url("GOOGLE_PUBSUB_ROOT_URL").orElse(SyncConfig.GOOGLE_PUBSUB_ROOT_URL),
                    duration("APP_SYNC_POLL_INTERVAL", SyncConfig.DEFAULT_POLL_INTERVAL),
                    integer("APP_SYNC_BACKFILL", SyncConfig.DEFAULT_BACKFILL, 0, 100_000));
        }

        private Optional<String> matching(String name, java.util.regex.Pattern pattern, String shape) {
            Optional<String> value = optional(name);
            if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
                throw new ConfigurationException(name, "must look like " + shape + ", was '" + value.get() + "'");
            }
            return value;
        }

        /** An absolute URL path of plain segments, such as {@code /risc/events}. */
        String path(String name, String fallback) {
            String path = optional(name).orElse(fallback);
            if (!WebConfig.isPlainPath(path)) {
                throw new ConfigurationException(name, "must be an absolute path of plain segments such as /risc/events, was '" + path + "'");
            }
            return path;
        }

        boolean flag(String name) {
            Optional<String> raw = optional(name).map(v -> v.toLowerCase(Locale.ROOT));
            if (raw.isEmpty()) return false;
            if (raw.get().equals("true")) return true;
            if (raw.get().equals("false")) return false;
            throw new ConfigurationException(name, "must be true or false");
        }

        /** {@code on} or {@code off} (also {@code true}/{@code false}); {@code fallback} when unset. */
        boolean onOff(String name, boolean fallback) {
            Optional<String> raw = optional(name).map(v -> v.toLowerCase(Locale.ROOT));
            if (raw.isEmpty()) return fallback;
            return switch (raw.get()) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new ConfigurationException(name, "must be on or off");
            };
        }

        WebhookConfig webhooks() {
            boolean allowPrivate = flag("APP_WEBHOOK_ALLOW_PRIVATE");
            Optional<URI> url = url("APP_WEBHOOK_URL");
            url.flatMap(u -> new ReceiverAddresses(allowPrivate).refusal(u))
                    .ifPresent(why -> { throw new ConfigurationException("APP_WEBHOOK_URL", why); });
            Optional<WebhookSecret> secret;
            try {
                secret = optional("APP_WEBHOOK_SECRET").map(WebhookSecret::parse);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("APP_WEBHOOK_SECRET", e.getMessage());
            }
            if (url.isPresent() && secret.isEmpty()) {
                throw new ConfigurationException("APP_WEBHOOK_SECRET", "must be set with APP_WEBHOOK_URL (whsec_ and base64; `webhooks add` makes one)");
            }
            if (url.isEmpty() && secret.isPresent()) throw new ConfigurationException("APP_WEBHOOK_URL", "must be set with APP_WEBHOOK_SECRET");
            return new WebhookConfig(url, secret, allowPrivate, duration("APP_WEBHOOK_GIVE_UP_AFTER", WebhookConfig.DEFAULT_GIVE_UP_AFTER),
                    duration("APP_WEBHOOK_POLL_INTERVAL", WebhookConfig.DEFAULT_POLL_INTERVAL));
        }

        Duration duration(String name, Duration fallback) {
            Optional<String> raw = optional(name);
            if (raw.isEmpty()) return fallback;
            try {
                Duration value = raw.get().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(raw.get())) : Duration.parse(raw.get());
                if (value.isNegative() || value.isZero()) throw new ConfigurationException(name, "must be positive");
                return value;
            } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
                throw new ConfigurationException(name, "must be seconds (e.g. 20) or an ISO-8601 duration (e.g. PT20S)");
            }
        }
    }
}
