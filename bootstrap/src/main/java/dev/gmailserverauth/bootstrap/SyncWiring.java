package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.application.sync.CheckCompleteness;
import dev.gmailserverauth.application.sync.DescribeSync;
import dev.gmailserverauth.application.sync.EndSync;
import dev.gmailserverauth.application.sync.KnownLabels;
import dev.gmailserverauth.application.sync.ListIndexed;
import dev.gmailserverauth.application.sync.PullNotifications;
import dev.gmailserverauth.application.sync.ReceiveNotification;
import dev.gmailserverauth.application.sync.ReceivePush;
import dev.gmailserverauth.application.sync.RenewWatch;
import dev.gmailserverauth.application.sync.RunSync;
import dev.gmailserverauth.application.sync.SyncSettings;
import dev.gmailserverauth.application.sync.TellingIndex;
import dev.gmailserverauth.domain.model.ChangesPage;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.MailboxWatch;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxChanges;
import dev.gmailserverauth.domain.port.MailboxResponse;
import dev.gmailserverauth.domain.port.NotificationSubscription;
import dev.gmailserverauth.domain.port.PushTokenVerifier;
import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.google.GoogleAdapters;
import dev.gmailserverauth.google.pubsub.GooglePushVerifierConfig;
import dev.gmailserverauth.google.pubsub.PubSubPullConfig;
import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.jobs.DbSchedulerSyncJobs;
import dev.gmailserverauth.persistence.jobs.SchedulerSettings;
import dev.gmailserverauth.persistence.jobs.SyncJobHandlers;
import dev.gmailserverauth.web.sync.SyncWeb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition of the background work: the sync's use cases, the db-scheduler jobs that run them and the webhook
 * deliveries on every instance, and the push receiver's wiring. The scheduler always runs (the webhook deliveries are
 * its job too); the sync runs only when Google's side of it ({@link GoogleSync}) is built; without it the app works as
 * before (every list read from Gmail) and no sync is scheduled.
 */
final class SyncWiring implements SyncJobHandlers, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWiring.class);
    private static final int PULL_BATCH = 100;
    private static final Duration PULL_EVERY = Duration.ofSeconds(2);
    /** People whose label names are kept (a few hundred bytes each): far more than are signed in at once. */
    private static final int KNOWN_LABELS_USERS = 10_000;
    /** How long one run of the webhook-deliveries job keeps delivering, round after round, before it lets the next run come. */
    private static final Duration DELIVERY_BUDGET = Duration.ofSeconds(30);

    /** Google's side of the sync: history and watches, the push token verifier, and (pull mode) the subscription. */
    record GoogleSync(MailboxChanges changes, PushTokenVerifier verifier, Optional<NotificationSubscription> subscription) {
        GoogleSync {
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(verifier, "verifier");
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    /** The sandbox's Pub/Sub names in sandbox mode: its project, a topic for Gmail, the push subscription and its service account. */
    static final String SANDBOX_TOPIC = "projects/sandbox-project/topics/gmail";
    static final String SANDBOX_PUSH_SUBSCRIPTION = "projects/sandbox-project/subscriptions/gmail-push";
    static final String SANDBOX_PUSH_ACCOUNT = "gmail-push@sandbox-project.iam.gserviceaccount.com";

    /**
     * The sync's configuration as it runs: in sandbox mode, unless set otherwise, Gmail watches a sandbox topic and the
     * sandbox pushes to this app as the push service account {@link #SANDBOX_PUSH_ACCOUNT}, signed with the sandbox's keys.
     */
    static SyncConfig effective(SyncConfig sync, Optional<GoogleSandbox> sandbox) {
        if (sandbox.isEmpty() || sync.subscription().isPresent()) return sync;
        return new SyncConfig(sync.enabled(), sync.topic().or(() -> Optional.of(SANDBOX_TOPIC)), sync.pushPath(), sync.pushAudience(),
                sync.pushServiceAccount().or(() -> Optional.of(SANDBOX_PUSH_ACCOUNT)), sync.subscription(),
                sandbox.get().baseUrl().resolve("/oauth2/v3/certs"), sync.pubsubRootUrl(), sync.pollInterval(), sync.backfill());
    }

    /**
     * Google's side of the sync: history and watches always (polling works without a topic); the push verifier for
     * the configured audience and push service account (with none configured, no push is accepted: there is no
     * unsigned mode); in pull mode the subscription, read as the server's own service account. In sandbox mode the
     * sandbox's push subscription is created here, pointing at this app's push path.
     */
    static GoogleSync googleSync(SyncConfig sync, URI baseUrl, GoogleAdapters google, Optional<GoogleSandbox> sandbox, Clock clock) {
        String audience = sync.pushAudience(baseUrl).toString();
        // No push service account configured (no topic, or pull mode): no push can prove who sent it, so none is accepted.
        PushTokenVerifier verifier = sync.pushServiceAccount().<PushTokenVerifier>map(account -> GoogleAdapters.pushTokenVerifier(
                GooglePushVerifierConfig.forGoogle(audience, account).withCertsUrl(sync.oidcCertsUrl()), clock))
                .orElse(token -> new PushVerification.Refused(PushVerification.Reason.WRONG_EMAIL));
        Optional<NotificationSubscription> pull = sync.subscription().map(name -> google.notificationSubscription(
                new PubSubPullConfig(name, sync.pubsubRootUrl(), sandbox.map(s -> sandboxServiceAccountKey(s)))));
        sandbox.filter(s -> sync.subscription().isEmpty() && sync.topic().equals(Optional.of(SANDBOX_TOPIC))).ifPresent(s -> s.control().pubSub()
                .createPushSubscription(SandboxPushSubscription.of(SANDBOX_PUSH_SUBSCRIPTION, SANDBOX_TOPIC,
                        URI.create(HttpUrls.withoutTrailingSlash(baseUrl.toString()) + sync.pushPath()), SANDBOX_PUSH_ACCOUNT)));
        return new GoogleSync(google.mailboxChanges(), verifier, pull);
    }

    /** Pull mode against the sandbox: its Pub/Sub service account's key, in an owner-only temporary file. */
    private static Path sandboxServiceAccountKey(GoogleSandbox sandbox) {
        try {
            Path file = Files.createTempFile("sandbox-pubsub", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, sandbox.control().pubSub().serviceAccountKeyFile());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's Pub/Sub service account key", e);
        }
    }

    private final Database persistence;
    private final SyncJobs jobs;
    private final DbSchedulerSyncJobs scheduler;
    private final boolean syncing;
    private final WebhookRounds webhookRounds;
    private final EndSync endSync;
    private final DescribeSync describeSync;
    private final Optional<SyncWeb> web;
    private final Optional<RunSync> runSync;
    private final Optional<RenewWatch> renewWatch;
    private final Optional<CheckCompleteness> checkCompleteness;
    private final Optional<PullNotifications> pull;
    private final Optional<ListIndexed> listIndexed;
    private final KnownLabels knownLabels;
    private final SyncMetrics metrics;
    private final Clock clock;

    private SyncWiring(SyncConfig config, Database persistence, AuthorizedAccess access, Mailbox mailbox, EventRecorder events,
            Optional<GoogleSync> google, WebhookRounds webhookRounds, Duration deliveriesEvery, SyncMetrics metrics, String pushPath, Clock clock) {
        this.persistence = persistence;
        this.webhookRounds = webhookRounds;
        this.metrics = metrics;
        this.clock = clock;
        SyncSettings settings = SyncSettings.of(config.backfill(), config.pollInterval(), config.topic());
        // The scheduler runs whenever the server does: the webhook deliveries need it even with the sync off.
        this.scheduler = persistence.syncJobs(this, SchedulerSettings.of(instanceName(), config.pollInterval(),
                google.flatMap(GoogleSync::subscription).map(s -> PULL_EVERY)).withDeliveriesEvery(deliveriesEvery));
        this.syncing = google.isPresent();
        this.jobs = syncing ? scheduler : new NoJobs();
        MailboxChanges changes = google.map(GoogleSync::changes).orElseGet(NoChanges::new);
        this.endSync = new EndSync(access, changes, persistence.syncStates(), persistence.messageIndex(), jobs, clock);
        this.describeSync = new DescribeSync(persistence.syncStates());
        ReceiveNotification receive = new ReceiveNotification(persistence.syncStates(), jobs, clock);
        TellingIndex telling = new TellingIndex(persistence.messageIndex(), events, clock);
        this.runSync = google.map(g -> new RunSync(access, g.changes(), mailbox, persistence.syncStates(), persistence.messageIndex(), telling, endSync,
                jobs, settings, clock));
        this.renewWatch = google.map(g -> new RenewWatch(access, g.changes(), persistence.syncStates(), settings));
        this.checkCompleteness = google.map(g -> new CheckCompleteness(access, mailbox, persistence.syncStates(), persistence.messageIndex(), telling,
                settings, clock));
        // Names are trusted for as long as the index itself counts as current.
        this.knownLabels = new KnownLabels(KNOWN_LABELS_USERS, settings.pollInterval().multipliedBy(2), clock);
        this.listIndexed = google.map(g -> new ListIndexed(persistence.syncStates(), persistence.messageIndex(), settings, clock, knownLabels));
        this.pull = google.flatMap(g -> g.subscription().map(subscription -> new PullNotifications(subscription, receive)));
        Optional<ReceivePush> receivePush = google.filter(g -> config.pushMode()).map(g -> new ReceivePush(metrics.counted(g.verifier()), receive));
        this.web = Optional.of(new SyncWeb(receivePush, describeSync, pushPath, clock));
        metrics.watch(jobs, clock);
    }

    static SyncWiring create(SyncConfig config, Database persistence, AuthorizedAccess access, Mailbox mailbox, EventRecorder events,
            Optional<GoogleSync> google, WebhookRounds webhookRounds, Duration deliveriesEvery, Metrics metrics, Clock clock) {
        return new SyncWiring(config, persistence, access, mailbox, events, google, webhookRounds, deliveriesEvery, new SyncMetrics(metrics.registry()), config.pushPath(), clock);
    }

    /**
     * Ending a sync from a command (no scheduler runs there): the synced mail and state are deleted, the watch
     * stopped and the account's jobs cancelled in the shared table ({@link #jobTableForCommands}); a job running
     * meanwhile ends by itself at its next run, finding no grant.
     */
    static EndSync endSyncForCommands(Database persistence, AuthorizedAccess access, MailboxChanges changes, SyncJobs jobs, Clock clock) {
        return new EndSync(access, changes, persistence.syncStates(), persistence.messageIndex(), jobs, clock);
    }

    /**
     * The job table for a command: the same db-scheduler tasks over the same database, never started, so that a
     * command asks the servers' schedulers for work (an enrolled mailbox's first sync) or cancels it; empty with the
     * sync off.
     */
    static Optional<DbSchedulerSyncJobs> jobTableForCommands(SyncConfig config, Database persistence) {
        if (!config.enabled()) return Optional.empty();
        return Optional.of(persistence.syncJobs(new RunsNoJobs(), SchedulerSettings.of("command-" + instanceName(), config.pollInterval(),
                Optional.empty())));
    }

    /** The jobs of an application with the sync off: nothing is asked of them. */
    static SyncJobs noJobs() {
        return new NoJobs();
    }

    SyncJobs jobs() {
        return jobs;
    }

    EndSync endSync() {
        return endSync;
    }

    /** The list views answered from the index; empty while the sync is off. */
    Optional<ListIndexed> listIndexed() {
        return listIndexed;
    }

    /** Label names as Gmail last listed them, for the label views the index answers. */
    KnownLabels knownLabels() {
        return knownLabels;
    }

    Optional<SyncWeb> web() {
        return web;
    }

    /** Starts the jobs, and makes sure every active sync has its periodic jobs (they survive restarts in the database). */
    void start() {
        scheduler.start();
        if (syncing) {
            persistence.syncStates().all().stream().filter(state -> state.status() == SyncStatus.ACTIVE).map(SyncState::user)
                    .forEach(jobs::keepSyncing);
        }
        LOG.info("mailbox sync {}", syncing ? "running" : "off: Google's history and push adapters are not configured");
    }

    @Override
    public Optional<Instant> sync(UserId user) {
        // A sync job left from a run with the sync on: dropped; the sync's next start schedules it again.
        if (runSync.isEmpty()) return Optional.empty();
        Optional<SyncState> before = persistence.syncStates().find(user);
        RunSync.Outcome outcome = runSync.orElseThrow().run(user);
        metrics.ran(outcome);
        Optional<SyncState> after = persistence.syncStates().find(user);
        after.ifPresent(state -> {
            if (state.gapsFilled() > before.map(SyncState::gapsFilled).orElse(0)) metrics.gapFilled();
            boolean followedANotification = before.flatMap(SyncState::pendingSince).isPresent() && state.pendingSince().isEmpty();
            if (followedANotification) state.lag().ifPresent(metrics::lag);
        });
        // A notification that came after the run's own last look asked for a run while this one was still the job's
        // (db-scheduler cannot move a running execution, so that request was dropped): the job runs again at once
        // instead of at the next poll. Looked at here, just before the job's next time is written.
        boolean notifiedAtTheEnd = after.filter(state -> state.status() == SyncStatus.ACTIVE).flatMap(SyncState::pendingSince).isPresent();
        return outcome.fold(
                synced -> Optional.of(notifiedAtTheEnd ? clock.instant() : clock.instant().plus(Duration.ofDays(365))),
                again -> Optional.of(again.at()),
                paused -> Optional.of(clock.instant().plus(Duration.ofDays(365))),
                stopped -> Optional.empty());
    }

    @Override
    public void renewWatch(UserId user) {
        renewWatch.ifPresent(renew -> metrics.renewed(renew.renew(user)));
    }

    @Override
    public void checkCompleteness(UserId user) {
        runSync.ifPresent(run -> run.run(user));
        checkCompleteness.ifPresent(check -> metrics.checked(check.check(user)));
    }

    @Override
    public void pull() {
        pull.ifPresent(p -> metrics.pulled(p.pull(PULL_BATCH)));
    }

    @Override
    public void deliverWebhooks() {
        webhookRounds.drain(DELIVERY_BUDGET);
    }

    @Override
    public void close() {
        scheduler.close();
    }

    /** This instance's name in the job table: the host and a random suffix, so that two instances on one host differ. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A command's job table is never started: its tasks never run here. */
    private static final class RunsNoJobs implements SyncJobHandlers {
        @Override
        public Optional<Instant> sync(UserId user) {
            throw new IllegalStateException("a command runs no sync");
        }

        @Override
        public void renewWatch(UserId user) {
            throw new IllegalStateException("a command runs no sync");
        }

        @Override
        public void checkCompleteness(UserId user) {
            throw new IllegalStateException("a command runs no sync");
        }

        @Override
        public void pull() {
            throw new IllegalStateException("a command runs no sync");
        }

        @Override
        public void deliverWebhooks() {
            throw new IllegalStateException("a command delivers no webhooks");
        }
    }

    /** No scheduler: the sync is off, nothing is asked of it and nothing waits. */
    private static final class NoJobs implements SyncJobs {
        @Override
        public void syncAt(UserId user, Instant at) {
        }

        @Override
        public void keepSyncing(UserId user) {
        }

        @Override
        public void stop(UserId user) {
        }

        @Override
        public int backlog(Instant now) {
            return 0;
        }
    }

    /** No Google history adapter: with the sync off no watch is ever set up, so nothing is ever asked of it. */
    private static final class NoChanges implements MailboxChanges {
        private static <T> MailboxResponse<T> off() {
            return new MailboxResponse.BadRequest<>("the mailbox sync is not configured");
        }

        @Override
        public MailboxResponse<HistoryId> currentHistoryId(MailboxAccess access) {
            return off();
        }

        @Override
        public MailboxResponse<ChangesPage> changesSince(MailboxAccess access, HistoryId start, Optional<PageToken> page) {
            return off();
        }

        @Override
        public MailboxResponse<MailboxWatch> watch(MailboxAccess access, String topicName) {
            return off();
        }

        @Override
        public MailboxResponse<Boolean> stopWatch(MailboxAccess access) {
            return off();
        }
    }
}
