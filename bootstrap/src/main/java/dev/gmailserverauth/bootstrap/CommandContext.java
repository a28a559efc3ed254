package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.DelegatedGrants;
import dev.gmailserverauth.application.GetMessage;
import dev.gmailserverauth.application.ListAllMessages;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.Pause;
import dev.gmailserverauth.application.RenewalNotice;
import dev.gmailserverauth.application.SummaryCache;
import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.google.GoogleAdapters;
import dev.gmailserverauth.persistence.DatabaseSchema;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.persistence.SchemaStatus;
import dev.gmailserverauth.persistence.jobs.DbSchedulerSyncJobs;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import dev.gmailserverauth.application.sync.EndSync;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a command needs, built from the same environment variables as the server ({@link AppConfig}) and
 * only when asked for: the configuration, the database, Google. Closes what it opened.
 */
final class CommandContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandContext.class);

    private final Map<String, String> env;
    private final Clock clock;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private AppConfig config;
    private Database persistence;
    private GoogleAdapters google;
    private MailReading mail;
    private DelegationWiring delegation;
    private SyncJobs syncJobs;

    /** The use cases the mail commands call, wired as the server wires them (no summary cache: one command, one pass). */
    record MailReading(AuthorizedAccess access, ListMessages listMessages, GetMessage getMessage, ListAllMessages listAllMessages) {
    }

    CommandContext(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = Objects.requireNonNull(clock);
    }

    Clock clock() {
        return clock;
    }

    /** @throws ConfigurationException naming the first bad variable (exit code 2) */
    AppConfig config() {
        if (config == null) config = AppConfig.fromEnvironment(env);
        return config;
    }

    PersistenceConfig persistenceConfig() {
        return GmailServerAuth.persistenceConfig(config());
    }

    /** The stores, on a schema that must already be current: commands other than {@code db migrate} never migrate. */
    Database persistence() {
        if (persistence == null) {
            SchemaStatus schema = DatabaseSchema.inspect(persistenceConfig());
            if (!schema.in(SchemaStatus.State.NEWER_UNKNOWN).isEmpty()) {
                throw new CommandFailure("the database schema is at version " + schema.current().orElse("?") + ", newer than this application knows ("
                        + schema.latestKnown() + "): use the newer application");
            }
            if (!schema.isCurrent()) {
                throw new CommandFailure("the database schema is at version " + schema.current().orElse("none") + ", this application expects "
                        + schema.latestKnown() + ": run `db migrate` first");
            }
            persistence = Database.open(persistenceConfig());
            opened.push(persistence);
        }
        return persistence;
    }

    /**
     * Google's adapters with the server's client and endpoints. In sandbox mode the sandbox runs inside
     * the server, so a command reaches it only on a fixed {@code SANDBOX_PORT}.
     */
    GoogleAdapters google() {
        if (google == null) {
            AppConfig app = config();
            if (app.sandboxMode() && app.sandboxPort() == 0) {
                throw new CommandFailure("sandbox mode (no GMAIL_CLIENT_SECRETS): Google is simulated inside the server; start the server"
                        + " and this command with the same fixed SANDBOX_PORT, or configure GMAIL_CLIENT_SECRETS");
            }
            URI baseUrl = GmailServerAuth.baseUrl(app, app.port());
            google = GoogleAdapters.create(GmailServerAuth.googleConfig(app, GmailServerAuth.redirectUri(baseUrl),
                    Optional.of(GmailServerAuth.embeddedSandboxUrl(app.sandboxPort())).filter(url -> app.sandboxMode())), clock);
            opened.push(google::close);
        }
        return google;
    }

    MailReading mail() {
        if (mail == null) {
            Database stores = persistence();
            GoogleAdapters adapters = google();
            ListMessages listMessages = new ListMessages(adapters.mailbox(), SummaryCache.disabled(clock));
            // Delegation is wired only for a person whose mailbox is enrolled: other commands need no key file.
            DelegatedGrants delegated = !config().sandboxMode() && !config().delegation().configured() ? DelegatedGrants.NONE
                    : user -> stores.enrolledMailboxes().findByUserId(user).isEmpty() ? Optional.empty() : delegation().access().open(user);
            AuthorizedAccess access = new AuthorizedAccess(stores.credentials(), adapters.authorizationProvider(), stores.refreshLock(),
                    stores.accountHistory(), WebhookWiring.recorder(stores), new RenewalNotice(config().lifecycle().reauthNotice()), clock, delegated);
            mail = new MailReading(access,
                    listMessages, new GetMessage(adapters.mailbox()), new ListAllMessages(listMessages, clock, Pause.sleepingOn(clock)));
        }
        return mail;
    }

    /** Workspace domain-wide delegation, or a failure saying how to configure it. */
    DelegationWiring delegation() {
        if (delegation == null) {
            delegation = DelegationWiring.forCommands(this);
            opened.push(delegation);
        }
        return delegation;
    }

    /** Ends a person's mailbox sync as the server does: its jobs cancelled in the shared job table, or ending by themselves. */
    EndSync endSync() {
        return SyncWiring.endSyncForCommands(persistence(), mail().access(), google().mailboxChanges(), syncJobs(), clock);
    }

    /**
     * The shared job table, to ask the server's scheduler for a sync (an enrolled mailbox's first) or to cancel one;
     * nothing runs in the command. With the sync off ({@code APP_SYNC=off}) nothing is asked.
     */
    SyncJobs syncJobs() {
        if (syncJobs == null) {
            Optional<DbSchedulerSyncJobs> table = SyncWiring.jobTableForCommands(config().sync(), persistence());
            table.ifPresent(t -> opened.push(t));
            syncJobs = table.<SyncJobs>map(t -> t).orElseGet(SyncWiring::noJobs);
        }
        return syncJobs;
    }

    /** Where people sign in again when a command finds their consent gone. */
    URI signInUrl() {
        return GmailServerAuth.baseUrl(config(), config().port()).resolve("/login");
    }


    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", e.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
