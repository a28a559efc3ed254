package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.google.GmailLimits;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import dev.gmailserverauth.google.QuotaProfile;
import dev.gmailserverauth.sandbox.SandboxLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {

    @Test
    void defaultsToSandboxModeOnPort8080WithSqlite() {
        AppConfig config = AppConfig.defaults();
        assertThat(config.sandboxMode()).isTrue();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:./data/app.db");
        assertThat(config.googleReadTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void readsEveryVariable() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "GMAIL_CLIENT_SECRETS", "/etc/app/client_secrets.json",
                "APP_PORT", "9090",
                "APP_BASE_URL", "https://mail.example.com",
                "APP_DATABASE_URL", "jdbc:postgresql://db/app",
                "APP_ENCRYPTION_KEY", key,
                "GOOGLE_API_ROOT_URL", "https://gmail.googleapis.com/",
                "GOOGLE_READ_TIMEOUT", "PT30S"));
        assertThat(config.sandboxMode()).isFalse();
        assertThat(config.clientSecrets()).contains(Path.of("/etc/app/client_secrets.json"));
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.baseUrl()).contains(URI.create("https://mail.example.com"));
        assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(config.encryptionKey()).contains(key);
        assertThat(config.googleApiRootUrl()).contains(URI.create("https://gmail.googleapis.com/"));
        assertThat(config.googleReadTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aGrantsLifeDefaultsToGooglesIssuersAndADayOfNotice() {
        LifecycleConfig lifecycle = AppConfig.defaults().lifecycle();
        assertThat(lifecycle.issuer()).isEqualTo(URI.create("https://accounts.google.com"));
        assertThat(lifecycle.riscIssuer()).isEqualTo(URI.create("https://accounts.google.com/"));
        assertThat(lifecycle.riscConfigurationUrl()).isEmpty();
        assertThat(lifecycle.riscReceiverPath()).isEqualTo("/risc/events");
        assertThat(lifecycle.reauthNotice()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void readsTheLifecycleVariables() {
        LifecycleConfig lifecycle = AppConfig.fromEnvironment(Map.of(
                "APP_REAUTH_NOTICE", "PT6H",
                "APP_RISC_RECEIVER_PATH", "/google/security-events",
                "GOOGLE_ISSUER", "https://accounts.example.com",
                "GOOGLE_RISC_ISSUER", "https://accounts.example.com/",
                "GOOGLE_RISC_CONFIGURATION_URL", "https://accounts.example.com/.well-known/risc-configuration")).lifecycle();
        assertThat(lifecycle.reauthNotice()).isEqualTo(Duration.ofHours(6));
        assertThat(lifecycle.riscReceiverPath()).isEqualTo("/google/security-events");
        assertThat(lifecycle.issuer()).isEqualTo(URI.create("https://accounts.example.com"));
        assertThat(lifecycle.riscIssuer()).isEqualTo(URI.create("https://accounts.example.com/"));
        assertThat(lifecycle.riscConfigurationUrl()).contains(URI.create("https://accounts.example.com/.well-known/risc-configuration"));
    }

    @Test
    void workspaceDelegationIsOffUnlessAKeyIsConfiguredAndReadsItsVariables() {
        assertThat(AppConfig.defaults().delegation().configured()).isFalse();
        assertThat(AppConfig.defaults().delegation().sandboxKeyFile()).isEqualTo(Path.of("data", "sandbox-service-account.json"));
        WorkspaceDelegationSettings delegation = AppConfig.fromEnvironment(Map.of(
                "GMAIL_CLIENT_SECRETS", "/etc/app/client_secrets.json",
                "GOOGLE_SERVICE_ACCOUNT_KEY", "/etc/app/service-account.json",
                "GOOGLE_WORKSPACE_DOMAIN", "Example.com",
                "GOOGLE_WORKSPACE_ADMIN", "Admin@example.com",
                "GOOGLE_ADMIN_ROOT_URL", "https://admin.example.net/")).delegation();
        assertThat(delegation.configured()).isTrue();
        assertThat(delegation.serviceAccountKey()).contains(Path.of("/etc/app/service-account.json"));
        assertThat(delegation.workspaceDomain()).contains("example.com");
        assertThat(delegation.workspaceAdmin()).contains("admin@example.com");
        assertThat(delegation.adminRootUrl()).isEqualTo(URI.create("https://admin.example.net/"));
        assertThat(AppConfig.defaults().delegation().adminRootUrl()).isEqualTo(URI.create("https://admin.googleapis.com/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GOOGLE_SERVICE_ACCOUNT_KEY=/k.json | GOOGLE_WORKSPACE_DOMAIN: is needed with GOOGLE_SERVICE_ACCOUNT_KEY",
            "GOOGLE_SERVICE_ACCOUNT_KEY=/k.json,GOOGLE_WORKSPACE_DOMAIN=example.com | GOOGLE_WORKSPACE_ADMIN: is needed with GOOGLE_SERVICE_ACCOUNT_KEY",
            "GOOGLE_WORKSPACE_DOMAIN=example.com | GOOGLE_SERVICE_ACCOUNT_KEY: is needed for domain-wide delegation",
            "GOOGLE_SERVICE_ACCOUNT_KEY=/k.json,GOOGLE_WORKSPACE_DOMAIN=example.com,GOOGLE_WORKSPACE_ADMIN=root@other.org | GOOGLE_WORKSPACE_ADMIN: must be an address of example.com",
            "GOOGLE_SERVICE_ACCOUNT_KEY=/k.json,GOOGLE_WORKSPACE_DOMAIN=not a domain,GOOGLE_WORKSPACE_ADMIN=a@b.c | GOOGLE_WORKSPACE_DOMAIN: is not a domain name",
            "GOOGLE_ADMIN_ROOT_URL=admin.googleapis.com | GOOGLE_ADMIN_ROOT_URL: must be an absolute http(s) URL"})
    void aPartialOrBadDelegationConfigurationNamesTheVariable(String variables, String message) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("GMAIL_CLIENT_SECRETS", "/etc/app/client_secrets.json"));
        for (String pair : variables.split(",")) env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));

        assertThatThrownBy(() -> AppConfig.fromEnvironment(env)).isInstanceOf(ConfigurationException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "APP_PORT | eighty | APP_PORT: must be a whole number",
            "APP_PORT | 70000 | APP_PORT: must be between 0 and 65535",
            "APP_BASE_URL | localhost:8080 | APP_BASE_URL: must be an absolute http(s) URL",
            "APP_BASE_URL | ftp://example.com | APP_BASE_URL: must be an absolute http(s) URL",
            "APP_DATABASE_URL | jdbc:mysql://db/app | APP_DATABASE_URL: must start with jdbc:sqlite: or jdbc:postgresql:",
            "APP_ENCRYPTION_KEY | not base64! | APP_ENCRYPTION_KEY: must be base64",
            "APP_ENCRYPTION_KEY | AAAA | APP_ENCRYPTION_KEY: must be 32 bytes",
            "GOOGLE_READ_TIMEOUT | soon | GOOGLE_READ_TIMEOUT: must be seconds",
            "GOOGLE_CONNECT_TIMEOUT | 0 | GOOGLE_CONNECT_TIMEOUT: must be positive",
            "APP_SUMMARY_CACHE_SIZE | -1 | APP_SUMMARY_CACHE_SIZE: must be between 0 and 1000000",
            "APP_REAUTH_NOTICE | tomorrow | APP_REAUTH_NOTICE: must be seconds",
            "APP_RISC_RECEIVER_PATH | risc/events | APP_RISC_RECEIVER_PATH: must be an absolute path",
            "APP_RISC_RECEIVER_PATH | /risc/../admin?x | APP_RISC_RECEIVER_PATH: must be an absolute path",
            "GOOGLE_RISC_ISSUER | accounts.google.com | GOOGLE_RISC_ISSUER: must be an absolute http(s) URL",
            "GMAIL_QUOTA_UNITS_PER_MINUTE | 0 | GMAIL_QUOTA_UNITS_PER_MINUTE: must be between 1 and 10000000",
            "GMAIL_QUOTA_PROFILE | 2025 | GMAIL_QUOTA_PROFILE: must be legacy or 2026",
            "GOOGLE_DEADLINE | 0 | GOOGLE_DEADLINE: must be positive",
            "GMAIL_PUBSUB_TOPIC | gmail-push | GMAIL_PUBSUB_TOPIC: must look like projects/P/topics/T",
            "GMAIL_PUBSUB_SUBSCRIPTION | projects/p/topics/t | GMAIL_PUBSUB_SUBSCRIPTION: must look like projects/P/subscriptions/S",
            "GMAIL_PUSH_PATH | gmail/push | GMAIL_PUSH_PATH: must be an absolute path",
            "GMAIL_PUSH_AUDIENCE | app.example.com | GMAIL_PUSH_AUDIENCE: must be an absolute http(s) URL",
            "GOOGLE_OIDC_CERTS_URL | certs | GOOGLE_OIDC_CERTS_URL: must be an absolute http(s) URL",
            "GOOGLE_PUBSUB_ROOT_URL | pubsub | GOOGLE_PUBSUB_ROOT_URL: must be an absolute http(s) URL",
            "APP_SYNC_POLL_INTERVAL | often | APP_SYNC_POLL_INTERVAL: must be seconds",
            "APP_SYNC_POLL_INTERVAL | 0 | APP_SYNC_POLL_INTERVAL: must be positive",
            "APP_SYNC_BACKFILL | -1 | APP_SYNC_BACKFILL: must be between 0 and 100000",
    })
    void aBadValueNamesItsVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void gmailsQuotaAndTheDeadlineReachTheGoogleAdapter() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("GMAIL_QUOTA_UNITS_PER_MINUTE", "6000", "GOOGLE_DEADLINE", "PT4S"));
        GoogleAdapterConfig google = GoogleOverrides.apply(GoogleAdapterConfig.forGoogle("id", "secret"), config);
        assertThat(google.limits().unitsPerMinute()).isEqualTo(6_000);
        assertThat(google.retryPolicy().deadline()).isEqualTo(Duration.ofSeconds(4));
        assertThat(GoogleOverrides.apply(GoogleAdapterConfig.forGoogle("id", "secret"), AppConfig.defaults()).limits())
                .isEqualTo(GmailLimits.of(QuotaProfile.NEW_PROJECT_2026));
    }

    @Test
    void theQuotaTableIsANewProjectsUnlessToldAndTheBudgetFollowsItUnlessSet() {
        assertThat(AppConfig.defaults().gmailQuotaProfile()).isEqualTo(QuotaProfile.NEW_PROJECT_2026);
        assertThat(AppConfig.defaults().gmailUnitsPerMinute()).isEqualTo(6_000);

        AppConfig legacy = AppConfig.fromEnvironment(Map.of("GMAIL_QUOTA_PROFILE", "legacy"));
        assertThat(legacy.gmailQuotaProfile()).isEqualTo(QuotaProfile.LEGACY);
        assertThat(legacy.gmailUnitsPerMinute()).isEqualTo(15_000);
        GmailLimits limits = GoogleOverrides.apply(GoogleAdapterConfig.forGoogle("id", "secret"), legacy).limits();
        assertThat(limits.quotaProfile()).isEqualTo(QuotaProfile.LEGACY);
        assertThat(limits.unitsPerMinute()).isEqualTo(15_000);

        AppConfig set = AppConfig.fromEnvironment(Map.of("GMAIL_QUOTA_PROFILE", "2026", "GMAIL_QUOTA_UNITS_PER_MINUTE", "12000"));
        assertThat(GoogleOverrides.apply(GoogleAdapterConfig.forGoogle("id", "secret"), set).limits())
                .isEqualTo(GmailLimits.of(QuotaProfile.NEW_PROJECT_2026).withUnitsPerMinute(12_000));
    }

    @Test
    void inSandboxModeTheSandboxPlaysTheConfiguredTable() {
        assertThat(GmailServerAuth.sandboxLimits(QuotaProfile.LEGACY)).isEqualTo(SandboxLimits.google());
        assertThat(GmailServerAuth.sandboxLimits(QuotaProfile.NEW_PROJECT_2026).quotaTable()).isEqualTo(SandboxLimits.QuotaTable.NEW_PROJECT_2026);
        assertThat(GmailServerAuth.sandboxLimits(QuotaProfile.NEW_PROJECT_2026).unitsPerMinute()).isEqualTo(6_000);
    }

    @Test
    void theEncryptionKeyMayListSeveralKeysNewFirstAsThePersistenceAdapterDocuments() {
        String newKey = Base64.getEncoder().encodeToString(new byte[32]);
        String oldKey = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(AppConfig.fromEnvironment(Map.of("APP_ENCRYPTION_KEY", newKey + "," + oldKey)).encryptionKey()).contains(newKey + "," + oldKey);
        assertThat(AppConfig.fromEnvironment(Map.of("APP_ENCRYPTION_KEY", newKey + " , " + oldKey)).encryptionKey()).isPresent();
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_ENCRYPTION_KEY", newKey + ",AAAA")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("APP_ENCRYPTION_KEY: must be 32 bytes")
                .hasMessageContaining("key 2 of 2")
                .hasMessageNotContaining(newKey);
    }

    @Test
    void theManagementPortIsTheNextOneOnLoopbackNeverThePublicOneAndCanBeSwitchedOff() {
        OperationsConfig defaults = AppConfig.fromEnvironment(Map.of("APP_PORT", "8080")).operations();
        assertThat(defaults.managementPort()).hasValue(8081);
        assertThat(defaults.managementHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.logFormat()).isEqualTo(OperationsConfig.LogFormat.TEXT);
        assertThat(AppConfig.fromEnvironment(Map.of("APP_PORT", "0")).operations().managementPort()).hasValue(0);
        assertThat(AppConfig.fromEnvironment(Map.of("APP_MANAGEMENT_PORT", "off")).operations().managementPort()).isEmpty();
        assertThat(AppConfig.fromEnvironment(Map.of("APP_LOG_FORMAT", "JSON")).operations().logFormat()).isEqualTo(OperationsConfig.LogFormat.JSON);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_PORT", "9000", "APP_MANAGEMENT_PORT", "9000")))
                .hasMessageStartingWith("APP_MANAGEMENT_PORT: must differ from APP_PORT");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_LOG_FORMAT", "xml"))).hasMessage("APP_LOG_FORMAT: must be text or json");
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(AppConfig.fromEnvironment(Map.of("GMAIL_CLIENT_SECRETS", "  ", "APP_PORT", "")).sandboxMode()).isTrue();
    }

    @Test
    void syncDefaultsToPollingEveryTenMinutesWithGooglesEndpoints() {
        SyncConfig sync = AppConfig.defaults().sync();
        assertThat(sync.topic()).isEmpty();
        assertThat(sync.pushMode()).isFalse();
        assertThat(sync.pushPath()).isEqualTo("/gmail/push");
        assertThat(sync.pushAudience(URI.create("https://mail.example.com/"))).isEqualTo(URI.create("https://mail.example.com/gmail/push"));
        assertThat(sync.oidcCertsUrl()).isEqualTo(URI.create("https://www.googleapis.com/oauth2/v3/certs"));
        assertThat(sync.pubsubRootUrl()).isEqualTo(URI.create("https://pubsub.googleapis.com/"));
        assertThat(sync.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(sync.backfill()).isEqualTo(1000);
        assertThat(sync.enabled()).isTrue();
    }

    @Test
    void appSyncSwitchesTheSyncOnOrOff() {
        assertThat(AppConfig.fromEnvironment(Map.of("APP_SYNC", "off")).sync().enabled()).isFalse();
        assertThat(AppConfig.fromEnvironment(Map.of("APP_SYNC", "ON")).sync().enabled()).isTrue();
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_SYNC", "sometimes")))
                .isInstanceOf(ConfigurationException.class).hasMessage("APP_SYNC: must be on or off");
    }

    @Test
    void readsTheSyncVariables() {
        SyncConfig sync = AppConfig.fromEnvironment(Map.of(
                "GMAIL_PUBSUB_TOPIC", "projects/my-project/topics/gmail-push",
                "GMAIL_PUSH_PATH", "/hooks/gmail",
                "GMAIL_PUSH_AUDIENCE", "https://push.example.com/hooks/gmail",
                "GMAIL_PUSH_SERVICE_ACCOUNT", "push@my-project.iam.gserviceaccount.com",
                "GOOGLE_OIDC_CERTS_URL", "http://127.0.0.1:9000/oauth2/v3/certs",
                "GOOGLE_PUBSUB_ROOT_URL", "http://127.0.0.1:9000/",
                "APP_SYNC_POLL_INTERVAL", "PT2M",
                "APP_SYNC_BACKFILL", "250")).sync();
        assertThat(sync.topic()).contains("projects/my-project/topics/gmail-push");
        assertThat(sync.pushMode()).isTrue();
        assertThat(sync.pushPath()).isEqualTo("/hooks/gmail");
        assertThat(sync.pushAudience(URI.create("https://mail.example.com"))).isEqualTo(URI.create("https://push.example.com/hooks/gmail"));
        assertThat(sync.pushServiceAccount()).contains("push@my-project.iam.gserviceaccount.com");
        assertThat(sync.oidcCertsUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/oauth2/v3/certs"));
        assertThat(sync.pubsubRootUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/"));
        assertThat(sync.pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(sync.backfill()).isEqualTo(250);
        assertThat(AppConfig.fromEnvironment(Map.of("APP_SYNC_POLL_INTERVAL", "90")).sync().pollInterval()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aWatchedTopicNeedsThePushServiceAccountUnlessTheSubscriptionIsPulled() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("GMAIL_PUBSUB_TOPIC", "projects/p/topics/t")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GMAIL_PUSH_SERVICE_ACCOUNT: is required");
        SyncConfig pulled = AppConfig.fromEnvironment(Map.of("GMAIL_PUBSUB_TOPIC", "projects/p/topics/t",
                "GMAIL_PUBSUB_SUBSCRIPTION", "projects/p/subscriptions/s")).sync();
        assertThat(pulled.pushMode()).isFalse();
        assertThat(pulled.subscription()).contains("projects/p/subscriptions/s");
    }

    @Test
    void webhooksAreOffUntilAUrlAndASecretAreGiven() {
        WebhookConfig none = AppConfig.defaults().webhooks();
        assertThat(none.url()).isEmpty();
        assertThat(none.allowPrivate()).isFalse();
        assertThat(none.giveUpAfter()).isEqualTo(java.time.Duration.ofDays(3));

        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        WebhookConfig one = AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_URL", "https://receiver.example/hooks", "APP_WEBHOOK_SECRET", secret,
                "APP_WEBHOOK_GIVE_UP_AFTER", "P1D", "APP_WEBHOOK_POLL_INTERVAL", "5")).webhooks();
        assertThat(one.url()).contains(java.net.URI.create("https://receiver.example/hooks"));
        assertThat(one.secret()).contains(dev.gmailserverauth.domain.webhook.WebhookSecret.parse(secret));
        assertThat(one.giveUpAfter()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(one.pollInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(one.toString()).doesNotContain(secret.substring(6));
    }

    @Test
    void aPrivateOrPlainHttpReceiverNeedsAllowPrivate() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_URL", "http://localhost:9000/hooks", "APP_WEBHOOK_SECRET", secret)))
                .hasMessageStartingWith("APP_WEBHOOK_URL: the URL is not https");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_URL", "https://10.0.0.7/hooks", "APP_WEBHOOK_SECRET", secret)))
                .hasMessage("APP_WEBHOOK_URL: the URL's address is private (10.0.0.0/8)");
        assertThat(AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_URL", "http://localhost:9000/hooks", "APP_WEBHOOK_SECRET", secret,
                "APP_WEBHOOK_ALLOW_PRIVATE", "true")).webhooks().allowPrivate()).isTrue();
    }

    @Test
    void aWebhookSecretIsWhsecBase64AndComesWithAUrl() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_URL", "https://receiver.example/", "APP_WEBHOOK_SECRET", "hunter2")))
                .hasMessage("APP_WEBHOOK_SECRET: a webhook secret starts with whsec_");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_URL", "https://receiver.example/")))
                .hasMessageStartingWith("APP_WEBHOOK_SECRET: must be set with APP_WEBHOOK_URL");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
                .hasMessage("APP_WEBHOOK_URL: must be set with APP_WEBHOOK_SECRET");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("APP_WEBHOOK_ALLOW_PRIVATE", "yes"))).hasMessage("APP_WEBHOOK_ALLOW_PRIVATE: must be true or false");
    }
}
