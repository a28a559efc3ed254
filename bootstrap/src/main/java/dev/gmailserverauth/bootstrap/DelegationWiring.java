package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.AccessOutcome;
import dev.gmailserverauth.application.DelegatedAccess;
import dev.gmailserverauth.application.DelegatedGrants;
import dev.gmailserverauth.application.EnrolMailboxes;
import dev.gmailserverauth.application.ListEnrolledMailboxes;
import dev.gmailserverauth.application.RemoveEnrolledMailbox;
import dev.gmailserverauth.application.sync.EndSync;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import dev.gmailserverauth.google.GoogleConfigurationException;
import dev.gmailserverauth.google.delegation.DelegationAdapters;
import dev.gmailserverauth.google.delegation.DelegationConfig;
import dev.gmailserverauth.google.delegation.ServiceAccountKeyFile;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxDelegation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workspace domain-wide delegation, wired: the delegation adapters (key file read once), the enrolment use cases and
 * {@link DelegatedAccess}, which hands the mail use cases and the sync a grant fed by the service account instead of a
 * consent (the server gives it to its {@code AuthorizedAccess}, so an enrolled mailbox is synced like a consented one).
 * In sandbox mode the sandbox's demo service account and domain are used; its key file is written at the server's
 * start (owner-only) for the server and for commands run beside it.
 */
final class DelegationWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DelegationWiring.class);

    private final DelegationAdapters adapters;
    private final Database stores;
    private final Clock clock;
    private final ListEnrolledMailboxes list;
    private final DelegatedAccess access;
    private final WorkspaceDomain domain;

    private DelegationWiring(DelegationAdapters adapters, WorkspaceDomain domain, Database stores, Clock clock) {
        this.domain = domain;
        this.adapters = adapters;
        this.stores = stores;
        this.clock = clock;
        this.list = new ListEnrolledMailboxes(stores.enrolledMailboxes());
        this.access = new DelegatedAccess(stores.enrolledMailboxes(), adapters.authority(), stores.refreshLock(), clock);
    }

    /**
     * Before the server listens: when delegation is configured (outside sandbox mode), checks the key file at start
     * (owner-only, a service account key google-auth-library reads), so that a bad file stops the start rather than
     * the first read.
     */
    static void prepare(AppConfig config, Optional<GoogleSandbox> sandbox) {
        if (sandbox.isEmpty() && config.delegation().configured()) {
            DelegationConfig checked = delegationConfig(config, config.googleApiRootUrl().orElse(GoogleAdapterConfig.GOOGLE_GMAIL_ROOT_URL),
                    config.delegation().adminRootUrl());
            try (DelegationAdapters adapters = DelegationAdapters.create(checked)) {
                LOG.info("Workspace domain-wide delegation: service account {} (client ID {}) for {}", adapters.clientEmail(), adapters.clientId(),
                        checked.workspaceDomain());
            }
        }
    }

    /**
     * In sandbox mode, writes the demo service account's key where commands run beside the server read it. The server
     * itself does not read it, so this runs once the server listens (before its start returns): making the key's RSA
     * pair costs a few hundred milliseconds of CPU that the first request does not need (decision 0046).
     */
    static void writeSandboxKey(AppConfig config, Optional<GoogleSandbox> sandbox) {
        sandbox.ifPresent(google -> {
            Path file = config.delegation().sandboxKeyFile();
            try {
                google.delegation().writeServiceAccountKey(file);
                LOG.info("sandbox: the demo service account's key file is {} (client ID {}, domain {})", file.toAbsolutePath(),
                        google.delegation().serviceAccountClientId(), google.delegation().workspaceDomain());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the sandbox's service account key to " + file, e);
            }
        });
    }

    /** Delegation as configured, for the stores and the consent flow given; empty when it is not configured. */
    static Optional<DelegationWiring> create(AppConfig config, URI gmailRootUrl, URI sandboxBaseUrl, Database stores, Clock clock) {
        WorkspaceDelegationSettings settings = config.delegation();
        if (!config.sandboxMode() && !settings.configured()) return Optional.empty();
        DelegationConfig delegation = delegationConfig(config, gmailRootUrl, sandboxBaseUrl);
        return Optional.of(new DelegationWiring(DelegationAdapters.create(delegation), new WorkspaceDomain(delegation.workspaceDomain()),
                stores, clock));
    }

    /**
     * The server's delegated grants, built on the first person they are asked about: in sandbox mode the demo key file
     * is written only once the server listens (decision 0046), and a server that never opens an enrolled mailbox never
     * reads the key. {@link DelegatedGrants#NONE} when delegation is not configured.
     */
    static DelegatedGrants onFirstUse(AppConfig config, URI gmailRootUrl, URI adminRootUrl, Database stores, Clock clock, Deque<AutoCloseable> resources) {
        if (!config.sandboxMode() && !config.delegation().configured()) return DelegatedGrants.NONE;
        OnFirstUse grants = new OnFirstUse(() -> create(config, gmailRootUrl, adminRootUrl, stores, clock).orElseThrow());
        resources.push(grants);
        return grants;
    }

    /** {@link #onFirstUse}'s grants: the wiring made once, by the first caller, and closed with the server if it was made. */
    private static final class OnFirstUse implements DelegatedGrants, AutoCloseable {
        private final Supplier<DelegationWiring> create;
        private Optional<DelegationWiring> made = Optional.empty();

        OnFirstUse(Supplier<DelegationWiring> create) {
            this.create = create;
        }

        @Override
        public Optional<AccessOutcome> open(UserId user) {
            return wiring().access().open(user);
        }

        private synchronized DelegationWiring wiring() {
            if (made.isEmpty()) made = Optional.of(create.get());
            return made.get();
        }

        @Override
        public synchronized void close() {
            made.ifPresent(DelegationWiring::close);
        }
    }

    /** The adapters' configuration: the sandbox's demo domain and key file in sandbox mode, else the configured ones. */
    private static DelegationConfig delegationConfig(AppConfig config, URI gmailRootUrl, URI sandboxBaseUrl) {
        WorkspaceDelegationSettings settings = config.delegation();
        boolean sandbox = config.sandboxMode();
        return new DelegationConfig(ServiceAccountKeyFile.read(sandbox ? settings.sandboxKeyFile() : settings.serviceAccountKey().orElseThrow()),
                sandbox ? SandboxDelegation.DEMO_DOMAIN : settings.workspaceDomain().orElseThrow(),
                new EmailAddress(sandbox ? SandboxDelegation.DEMO_ADMIN : settings.workspaceAdmin().orElseThrow()),
                sandbox ? sandboxBaseUrl : settings.adminRootUrl(), gmailRootUrl, config.googleConnectTimeout(), config.googleReadTimeout(),
                GoogleAdapterConfig.DEFAULT_APPLICATION_NAME);
    }

    /** For the commands: delegation over the command's stores and consent flow, or a failure that says how to configure it. */
    static DelegationWiring forCommands(CommandContext context) {
        AppConfig app = context.config();
        URI gmailRoot = GmailServerAuth.googleConfig(app, GmailServerAuth.redirectUri(GmailServerAuth.baseUrl(app, app.port())),
                Optional.of(GmailServerAuth.embeddedSandboxUrl(app.sandboxPort())).filter(url -> app.sandboxMode())).gmailRootUrl();
        try {
            return create(app, gmailRoot, GmailServerAuth.embeddedSandboxUrl(app.sandboxPort()).resolve("/"), context.persistence(), context.clock())
                    .orElseThrow(() -> new CommandFailure("Workspace domain-wide delegation is not configured: set "
                    + "GOOGLE_SERVICE_ACCOUNT_KEY, GOOGLE_WORKSPACE_DOMAIN and GOOGLE_WORKSPACE_ADMIN (README: Workspace domain-wide delegation)"));
        } catch (GoogleConfigurationException e) {
            throw new CommandFailure(e.getMessage() + (app.sandboxMode() ? " (in sandbox mode the server writes it at its start)" : ""));
        }
    }

    /** Enrolment, each mailbox's first sync asked of {@code jobs}. */
    EnrolMailboxes enrol(SyncJobs jobs) {
        return new EnrolMailboxes(adapters.directory(), adapters.groups(), stores.enrolledMailboxes(), jobs, clock);
    }

    ListEnrolledMailboxes list() {
        return list;
    }

    /** Removal, the mailbox's sync ended by {@code endSync} (whose grants include this delegation's). */
    RemoveEnrolledMailbox remove(EndSync endSync) {
        return new RemoveEnrolledMailbox(stores.enrolledMailboxes(), stores.credentials(), endSync);
    }

    DelegatedAccess access() {
        return access;
    }

    /** The domain whose people may sign in to the web front with Google sign-in only and read their own mailbox. */
    WorkspaceDomain domain() {
        return domain;
    }

    /** {@link #domain()} as configured, without building the adapters: empty when delegation is not configured. */
    static Optional<WorkspaceDomain> domain(AppConfig config) {
        if (config.sandboxMode()) return Optional.of(new WorkspaceDomain(SandboxDelegation.DEMO_DOMAIN));
        return config.delegation().workspaceDomain().filter(domain -> config.delegation().configured()).map(WorkspaceDomain::new);
    }

    /** The numeric client ID the administrator delegates. */
    String clientId() {
        return adapters.clientId();
    }

    @Override
    public void close() {
        adapters.close();
    }
}
