package dev.gmailserverauth.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.Transactions;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import dev.gmailserverauth.domain.port.RefreshLock;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SessionRepository;
import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.SignInHolds;
import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.SyncStates;
import dev.gmailserverauth.domain.webhook.WebhookDeliveries;
import dev.gmailserverauth.domain.webhook.WebhookEndpoints;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.events.JdbcEventOutbox;
import dev.gmailserverauth.persistence.events.JdbcTransactions;
import dev.gmailserverauth.persistence.events.JdbcWebhookDeliveries;
import dev.gmailserverauth.persistence.events.JdbcWebhookEndpoints;
import dev.gmailserverauth.persistence.crypto.Keyring;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.JdbcAccountHistory;
import dev.gmailserverauth.persistence.store.JdbcCredentialRepository;
import dev.gmailserverauth.persistence.store.JdbcLinkedAccounts;
import dev.gmailserverauth.persistence.store.JdbcPendingAuthorizationStore;
import dev.gmailserverauth.persistence.store.JdbcSeenSecurityEvents;
import dev.gmailserverauth.persistence.store.JdbcSessionRepository;
import dev.gmailserverauth.persistence.store.JdbcSignInHolds;
import dev.gmailserverauth.persistence.store.JdbcMessageIndex;
import dev.gmailserverauth.persistence.store.JdbcSyncStates;
import dev.gmailserverauth.persistence.jobs.DbSchedulerSyncJobs;
import dev.gmailserverauth.persistence.jobs.SchedulerSettings;
import dev.gmailserverauth.persistence.jobs.SyncJobHandlers;
import dev.gmailserverauth.persistence.store.PostgresRefreshLock;
import dev.gmailserverauth.persistence.store.SealedRows;
import dev.gmailserverauth.persistence.store.JdbcEnrolledMailboxes;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.persistence.store.SqliteRefreshLock;
import dev.gmailserverauth.persistence.store.StoredAccount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter, ready to use: the one thing bootstrap builds. {@link #open} sets up the
 * connection pool, migrates the schema, loads (or, for SQLite, generates) the encryption key and proves
 * it against the database; the accessors hand out the driven ports, and the rest serves operators
 * (keys, readiness, the stored accounts).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final List<HikariDataSource> pools;
    private final HikariDataSource mainPool;
    private final PersistenceConfig config;
    private final Flyway flyway;
    private final Keys keys;
    private final JdbcCredentialRepository credentials;
    private final JdbcPendingAuthorizationStore pendingAuthorizations;
    private final JdbcSessionRepository sessions;
    private final RefreshLock refreshLock;
    private final SeenSecurityEvents seenSecurityEvents;
    private final AccountHistory accountHistory;
    private final SignInHolds signInHolds;
    private final EnrolledMailboxes enrolledMailboxes;
    private final JdbcMessageIndex messageIndex;
    private final SyncStates syncStates;
    private final Dialect dialect;
    private final Events events;

    /** The event outbox, the webhook queue, and the transactions they share with the other stores. */
    private record Events(Transactions transactions, EventOutbox outbox, JdbcWebhookEndpoints endpoints, WebhookDeliveries deliveries) {
    }
    private final LinkedAccounts linkedAccounts;

    /** The key handling of one open store. */
    private record Keys(KeySource source, TokenCipher cipher, KeyRegistry registry, KeyCanary canary, KeyRotation rotation) {
    }

    private Database(List<HikariDataSource> pools, PersistenceConfig config, Flyway flyway, Keys keys, JdbcCredentialRepository credentials,
                        JdbcPendingAuthorizationStore pendingAuthorizations, JdbcSessionRepository sessions, RefreshLock refreshLock, Jdbc jdbc,
                        EnrolledMailboxes enrolledMailboxes, JdbcMessageIndex messageIndex, Dialect dialect, JdbcWebhookEndpoints webhookEndpoints) {
        this.enrolledMailboxes = enrolledMailboxes;
        this.pools = List.copyOf(pools);
        this.mainPool = pools.get(0);
        this.config = config;
        this.flyway = flyway;
        this.keys = keys;
        this.credentials = credentials;
        this.pendingAuthorizations = pendingAuthorizations;
        this.sessions = sessions;
        this.refreshLock = refreshLock;
        this.seenSecurityEvents = new JdbcSeenSecurityEvents(jdbc);
        this.accountHistory = new JdbcAccountHistory(jdbc);
        this.signInHolds = new JdbcSignInHolds(jdbc);
        this.messageIndex = messageIndex;
        this.syncStates = new JdbcSyncStates(jdbc);
        this.dialect = dialect;
        this.events = new Events(new JdbcTransactions(jdbc), new JdbcEventOutbox(jdbc), webhookEndpoints, new JdbcWebhookDeliveries(jdbc));
        this.linkedAccounts = new JdbcLinkedAccounts(jdbc);
    }

    /**
     * Opens the store described by {@code config}.
     *
     * @throws PersistenceConfigurationException when it cannot start as configured; the message says why
     */
    public static Database open(PersistenceConfig config) {
        Objects.requireNonNull(config, "config");
        Dialect dialect = Dialect.of(config);
        return dialect == Dialect.SQLITE ? openSqlite(config) : openPostgres(config);
    }

    private static Database openSqlite(PersistenceConfig config) {
        Path file = SqliteFile.prepare(config);
        KeySource keySource = config.encryptionKeyBase64().<KeySource>map(ConfiguredKeys::parse).orElseGet(() -> KeyFile.besideDatabase(file));
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            pools.add(ConnectionPools.sqlite(config, file));
            return start(config, Dialect.SQLITE, pools, keySource, new SqliteRefreshLock());
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
    }

    private static Database openPostgres(PersistenceConfig config) {
        KeySource keySource = ConfiguredKeys.parse(config.encryptionKeyBase64().orElseThrow(() -> new PersistenceConfigurationException(
                "PostgreSQL needs an encryption key in the configuration (base64 of 32 bytes): several instances share the"
                        + " database and must share the key, so none is generated")));
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            pools.add(ConnectionPools.postgres(config, "postgresql", config.maxPoolSize()));
            HikariDataSource lockPool = ConnectionPools.postgresLocks(config);
            pools.add(lockPool);
            return start(config, Dialect.POSTGRESQL, pools, keySource, new PostgresRefreshLock(lockPool));
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
    }

    private static Database start(PersistenceConfig config, Dialect dialect, List<HikariDataSource> pools, KeySource keySource,
                                     RefreshLock refreshLock) {
        HikariDataSource mainPool = pools.get(0);
        Flyway flyway = Migrations.flyway(mainPool, dialect);
        Migrations.migrate(flyway, dialect, config);
        Jdbc jdbc = new Jdbc(mainPool);
        Keyring keyring = keySource.load(KeyRegistry.holdsAnyKey(jdbc));
        TokenCipher cipher = new TokenCipher(keyring, keySource::reload);
        JdbcCredentialRepository credentials = new JdbcCredentialRepository(jdbc, cipher);
        JdbcPendingAuthorizationStore pending = new JdbcPendingAuthorizationStore(jdbc, cipher);
        KeyCanary canary = new KeyCanary(jdbc, cipher);
        JdbcEnrolledMailboxes enrolledMailboxes = new JdbcEnrolledMailboxes(jdbc, cipher);
        JdbcMessageIndex messageIndex = new JdbcMessageIndex(jdbc, cipher);
        JdbcWebhookEndpoints webhookEndpoints = new JdbcWebhookEndpoints(jdbc, cipher);
        List<SealedRows> sealed = List.of(credentials, pending, canary, enrolledMailboxes, messageIndex, webhookEndpoints);
        KeyRegistry registry = new KeyRegistry(jdbc, cipher, sealed);
        registry.verifyAndRecord(keyring, keySource.describe());
        canary.ensure();
        RefreshTokenPrefixBackfill.run(credentials);
        Keys keys = new Keys(keySource, cipher, registry, canary, new KeyRotation(cipher, registry, keySource, sealed));
        LOG.info("{} store {} open, tokens encrypted with key {} from {}", dialect, config.redactedJdbcUrl(), keyring.current().id(),
                keySource.describe());
        return new Database(pools, config, flyway, keys, credentials, pending, new JdbcSessionRepository(jdbc), refreshLock, jdbc,
                enrolledMailboxes, messageIndex, dialect, webhookEndpoints);
    }

    /** The mailboxes enrolled for Workspace domain-wide delegation. */
    public EnrolledMailboxes enrolledMailboxes() {
        return enrolledMailboxes;
    }

    public CredentialRepository credentials() {
        return credentials;
    }

    public PendingAuthorizationStore pendingAuthorizations() {
        return pendingAuthorizations;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    /** The ids of security event tokens already received. */
    public SeenSecurityEvents seenSecurityEvents() {
        return seenSecurityEvents;
    }

    /** What happened to each person's grant, for their connection page. */
    public AccountHistory accountHistory() {
        return accountHistory;
    }

    /** Accounts whose sign-in is refused until Google enables them again. */
    public SignInHolds signInHolds() {
        return signInHolds;
    }

    /** Each synced account's history checkpoint, watch and health. */
    public SyncStates syncStates() {
        return syncStates;
    }

    /** The synced message summaries, sealed at rest; they move with the sync states in one transaction. */
    public MessageIndex messageIndex() {
        return messageIndex;
    }

    /**
     * The background jobs of the sync on db-scheduler, over this database's pool (its {@code scheduled_tasks}
     * table, shared by every instance). Not started: call {@link DbSchedulerSyncJobs#start()}, and close it
     * before this database.
     */
    public DbSchedulerSyncJobs syncJobs(SyncJobHandlers handlers, SchedulerSettings settings) {
        return DbSchedulerSyncJobs.create(mainPool, dialect == Dialect.SQLITE, handlers, settings);
    }

    /** Makes the writes of several of these stores one: how a change and its event commit together. */
    public Transactions transactions() {
        return events.transactions();
    }

    /** What happened to each account, to be told to other systems. */
    public EventOutbox events() {
        return events.outbox();
    }

    /** The receivers of webhooks. */
    public WebhookEndpoints webhookEndpoints() {
        return events.endpoints();
    }

    /** The queue of webhook deliveries. */
    public WebhookDeliveries webhookDeliveries() {
        return events.deliveries();
    }

    /** Which person each Google account belongs to. */
    public LinkedAccounts linkedAccounts() {
        return linkedAccounts;
    }

    /** In-process for SQLite (one instance), a PostgreSQL advisory lock across instances otherwise. */
    public RefreshLock refreshLock() {
        return refreshLock;
    }

    /** True when a query makes the round trip to the database. */
    public boolean isHealthy() {
        try (Connection connection = mainPool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT 1")) {
            return row.next() && row.getInt(1) == 1;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("database health check failed: {}", e.getMessage());
            return false;
        }
    }

    /** Where the schema stands; {@link SchemaStatus#isCurrent()} is false once a newer application migrated it further. */
    public SchemaStatus schema() {
        return Migrations.status(flyway, config);
    }

    /** True when this instance's keys open the canary row: the data is under a key this instance holds. */
    public boolean keysOpenTheData() {
        return keys.canary().opens();
    }

    /** The keys as this instance and the database see them (ids only). */
    public KeyStatus keyStatus() {
        Keyring keyring = keys.cipher().keyring();
        return new KeyStatus(keys.source().describe(), keys.source() instanceof KeyFile, keyring.current().id(), List.copyOf(keyring.ids()),
                keys.registry().recordedKeyIds(), keys.registry().rowsByTableAndKey());
    }

    /**
     * Re-encrypts every stored token with {@code newKeyBase64} while the store stays in use. With a key
     * file, the file is updated; with a configured key, configure the new key before the next start.
     *
     * @throws IllegalArgumentException when the key is not base64 of 32 bytes
     */
    public KeyRotationResult rotateEncryptionKey(String newKeyBase64) {
        return keys.rotation().rotateTo(EncryptionKey.fromBase64(newKeyBase64));
    }

    /**
     * Re-encrypts every row that is not under the current key (the first configured one, or the key file's
     * first) and forgets the keys no row needs any more: the last step of a rotation across instances.
     */
    public KeyRotationResult finishKeyRotation() {
        return keys.rotation().rotateTo(keys.cipher().keyring().current());
    }

    /** Every stored credential without its tokens, with the number of its sessions still active at {@code now}. */
    public List<StoredAccount> accounts(Instant now) {
        Map<String, Integer> active = sessions.activeByUser(now);
        return credentials.accounts().stream().map(account -> account.withActiveSessions(active.getOrDefault(account.userId(), 0))).toList();
    }

    /** How many credentials are stored. */
    public int storedCredentials() {
        return credentials.count();
    }

    /** How many sessions have not expired at {@code now}. */
    public int activeSessions(Instant now) {
        return sessions.activeByUser(now).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Reports every connection pool's numbers to a metrics tracker (HikariCP's own hook; set once). */
    public void trackPools(MetricsTrackerFactory tracker) {
        Objects.requireNonNull(tracker, "tracker");
        pools.forEach(pool -> pool.setMetricsTrackerFactory(tracker));
    }

    @Override
    public void close() {
        for (int i = pools.size() - 1; i >= 0; i--) pools.get(i).close();
    }
}
