package dev.gmailserverauth.google.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.model.DirectoryListing;
import dev.gmailserverauth.domain.model.DirectoryUser;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.GroupMembership;
import dev.gmailserverauth.domain.model.Impersonation;
import dev.gmailserverauth.google.GoogleConfigurationException;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxDelegation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delegation adapters over real HTTP against the sandbox's token endpoint, Gmail and Directory API: every refusal
 * of the JWT-bearer grant becomes its own outcome, and the wrong-mailbox guard fires.
 */
class DelegationOverHttpTest {
    static final String GMAIL = "https://www.googleapis.com/auth/gmail.readonly";
    static final String DIRECTORY = "https://www.googleapis.com/auth/admin.directory.user.readonly";
    static final String GROUPS = "https://www.googleapis.com/auth/admin.directory.group.member.readonly";
    static final EmailAddress SALES = new EmailAddress("sales@northwind.example");
    static final EmailAddress ADA = new EmailAddress("ada@northwind.example");
    static final EmailAddress BEN = new EmailAddress("ben@northwind.example");
    static final EmailAddress CLEO = new EmailAddress("cleo@northwind.example");
    static final EmailAddress DEV = new EmailAddress("dev@northwind.example");

    @TempDir
    static Path dir;
    static GoogleSandbox sandbox;
    static DelegationAdapters adapters;

    @BeforeAll
    static void start() {
        sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of()));
        adapters = adapters(sandbox, ADA);
    }

    @AfterAll
    static void stop() {
        adapters.close();
        sandbox.close();
    }

    @AfterEach
    void restoreTheAdminConsole() {
        delegation().delegate(delegation().serviceAccountClientId(), List.of(GMAIL, DIRECTORY, GROUPS));
        delegation().clearGmailMisroutes();
        delegation().setGoogleAudienceAccepted(true);
    }

    static SandboxDelegation delegation() {
        return sandbox.delegation();
    }

    /** The adapters pointed at {@code google}, with its key file written owner-only. */
    static DelegationAdapters adapters(GoogleSandbox google, EmailAddress admin) {
        try {
            Path key = Files.createTempDirectory(dir, "key").resolve("service-account.json");
            google.delegation().writeServiceAccountKey(key);
            return DelegationAdapters.create(new DelegationConfig(ServiceAccountKeyFile.read(key), google.delegation().workspaceDomain(), admin,
                    java.net.URI.create(google.baseUrl() + "/"), java.net.URI.create(google.baseUrl() + "/"), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), "delegation-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends Impersonation> T as(Class<T> type, Impersonation outcome) {
        assertThat(outcome).as(outcome.explanation()).isInstanceOf(type);
        return type.cast(outcome);
    }

    @Test
    void aDelegatedTokenIsMintedForTheSubjectAndProvenToOpenTheirMailbox() {
        Impersonation.Granted granted = as(Impersonation.Granted.class, adapters.authority().impersonate(BEN));

        assertThat(granted.subject()).isEqualTo(BEN);
        assertThat(granted.token().expiresAt()).isAfter(java.time.Instant.now().plusSeconds(600));
        assertThat(adapters.clientId()).isEqualTo(delegation().serviceAccountClientId());
    }

    @Test
    void aClientIdNotDelegatedIsToldWithTheClientIdAndTheExactScopesToEnter() {
        delegation().removeDelegation(delegation().serviceAccountClientId());

        Impersonation.NotDelegated refused = as(Impersonation.NotDelegated.class, adapters.authority().impersonate(BEN));

        assertThat(refused.clientId()).isEqualTo(delegation().serviceAccountClientId());
        assertThat(refused.scopeList()).isEqualTo(GMAIL);
        assertThat(refused.explanation()).contains(delegation().serviceAccountClientId()).contains("Security > Access and data control > API controls")
                .contains(GMAIL);
    }

    @Test
    void aScopeMissingFromTheDelegationIsNotDelegated() {
        delegation().delegate(delegation().serviceAccountClientId(), List.of(DIRECTORY));

        assertThat(as(Impersonation.NotDelegated.class, adapters.authority().impersonate(BEN)).scopeList()).isEqualTo(GMAIL);
    }

    @Test
    void anUnknownOrSuspendedUserIsNamed() {
        EmailAddress nobody = new EmailAddress("nobody@northwind.example");

        assertThat(as(Impersonation.UnknownUser.class, adapters.authority().impersonate(nobody)).explanation()).startsWith(nobody.value());
        assertThat(as(Impersonation.UnknownUser.class, adapters.authority().impersonate(DEV)).subject()).isEqualTo(DEV);
    }

    @Test
    void aWrongAudienceIsARefusalWithGooglesWords() {
        delegation().setGoogleAudienceAccepted(false);

        Impersonation.Refused refused = as(Impersonation.Refused.class, adapters.authority().impersonate(BEN));

        assertThat(refused.error()).isEqualTo("invalid_grant");
        assertThat(refused.googleSays()).isEqualTo("Invalid JWT: Failed audience check.");
    }

    @Test
    void theWrongMailboxGuardRefusesATokenThatOpensAnotherMailbox() {
        delegation().answerGmailFor(BEN.value(), CLEO.value());

        Impersonation.WrongMailbox wrong = as(Impersonation.WrongMailbox.class, adapters.authority().impersonate(BEN));

        assertThat(wrong.subject()).isEqualTo(BEN);
        assertThat(wrong.answeredFor()).isEqualTo(CLEO);
    }

    @Test
    void theDirectoryListsEveryUserAndMarksTheSuspendedOne() {
        List<DirectoryUser> users = adapters.directory().users().fold(DirectoryListing.Listed::users, refused -> List.of());

        assertThat(users).extracting(u -> u.email().value()).containsExactlyElementsOf(delegation().workspaceUsers());
        assertThat(users).filteredOn(u -> !u.active()).extracting(DirectoryUser::email, DirectoryUser::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEV, DirectoryUser.Status.SUSPENDED));
        assertThat(users).allSatisfy(u -> assertThat(u.id().value()).matches("\\d{21}"));
    }

    @Test
    void aDirectoryReadAsSomeoneWhoIsNotAnAdministratorIsRefusedWithWhatToDo() {
        try (DelegationAdapters asBen = adapters(sandbox, BEN)) {
            String explanation = asBen.directory().users().fold(listed -> "listed", DirectoryListing.Refused::explanation);

            assertThat(explanation).contains("403").contains("GOOGLE_WORKSPACE_ADMIN must be an administrator");
        }
    }

    @Test
    void aDirectoryReadWhoseTokenIsRefusedSaysWhy() {
        delegation().delegate(delegation().serviceAccountClientId(), List.of(GMAIL));

        assertThat(adapters.directory().users().fold(listed -> "listed", DirectoryListing.Refused::explanation))
                .contains("cannot be read as " + ADA.value()).contains(DIRECTORY);
    }

    @Test
    void aGroupsMembersComeWithThoseOfItsNestedGroupsAndWithoutTheGroupsThemselves() {
        List<EmailAddress> members = adapters.groups().members(SALES).fold(GroupMembership.Listed::members, refused -> {
            throw new AssertionError(refused.explanation());
        });

        assertThat(members).containsExactlyInAnyOrder(BEN, DEV, CLEO, new EmailAddress("olivia.chen@example.org"));
    }

    @Test
    void anUnknownGroupAndAGroupScopeNotDelegatedAreToldApart() {
        String unknown = adapters.groups().members(new EmailAddress("nope@northwind.example"))
                .fold(listed -> "listed", GroupMembership.Refused::explanation);
        delegation().delegate(delegation().serviceAccountClientId(), List.of(GMAIL, DIRECTORY));
        String notDelegated = adapters.groups().members(SALES).fold(listed -> "listed", GroupMembership.Refused::explanation);

        assertThat(unknown).contains("there is no group nope@northwind.example");
        assertThat(notDelegated).contains(delegation().serviceAccountClientId()).contains(GROUPS).contains("Manage Domain Wide Delegation");
    }

    @Test
    void aGroupIsReadPageByPage() {
        List<String> many = java.util.stream.IntStream.range(0, 450).mapToObj(i -> "guest" + i + "@example.org").toList();
        delegation().addWorkspaceGroup("guests@northwind.example", "Guests", many);

        List<EmailAddress> members = adapters.groups().members(new EmailAddress("guests@northwind.example"))
                .fold(GroupMembership.Listed::members, refused -> List.of());

        assertThat(members).hasSize(450).doesNotHaveDuplicates();
    }

    @Test
    void theDirectoryIsReadPageByPage() {
        try (GoogleSandbox big = GoogleSandbox.start(SandboxConfig.defaults(List.of()))) {
            for (int i = 0; i < 500; i++) big.delegation().addWorkspaceUser(String.format("user%03d@northwind.example", i), "User " + i, false);
            big.control().resetCounters();
            try (DelegationAdapters onBig = adapters(big, ADA)) {
                List<DirectoryUser> users = onBig.directory().users().fold(DirectoryListing.Listed::users, refused -> List.of());

                assertThat(users).hasSize(504).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aKeyGoogleNoLongerAcceptsStopsDelegationWithoutAnotherCall() {
        try (GoogleSandbox own = GoogleSandbox.start(SandboxConfig.defaults(List.of())); DelegationAdapters onOwn = adapters(own, ADA)) {
            own.delegation().replaceServiceAccountKey();

            Impersonation.KeyRejected rejected = as(Impersonation.KeyRejected.class, onOwn.authority().impersonate(BEN));
            long tokenRequests = own.control().counters().roundTrips(Endpoint.TOKEN);
            Impersonation again = onOwn.authority().impersonate(CLEO);

            assertThat(rejected.googleSays()).isEqualTo("Invalid JWT Signature.");
            assertThat(rejected.explanation()).contains(own.delegation().serviceAccountEmail()).contains("stopped");
            assertThat(again).isEqualTo(rejected);
            assertThat(own.control().counters().roundTrips(Endpoint.TOKEN)).isEqualTo(tokenRequests);
        }
    }

    @Test
    void anAssertionOutsideGooglesTimeframeIsToldAsClockSkew() {
        try (GoogleSandbox own = GoogleSandbox.start(SandboxConfig.defaults(List.of())); DelegationAdapters onOwn = adapters(own, ADA)) {
            own.control().advanceClock(Duration.ofHours(2));

            assertThat(as(Impersonation.ClockSkew.class, onOwn.authority().impersonate(BEN)).explanation()).contains("clock");
        }
    }

    @Test
    void neitherTheKeyNorATokenReachesTheLogsOrAnException() throws IOException {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
        try {
            String token = as(Impersonation.Granted.class, adapters.authority().impersonate(BEN)).token().token().value();
            delegation().answerGmailFor(CLEO.value(), BEN.value());
            adapters.authority().impersonate(CLEO);
            adapters.authority().impersonate(DEV);
            sandbox.control().injectFault(Endpoint.TOKEN, 4, new dev.gmailserverauth.sandbox.Fault.HttpError(503, "backendError", "unavailable",
                    java.util.Optional.empty()));
            Throwable unavailable = org.assertj.core.api.Assertions.catchThrowable(() -> adapters.authority().impersonate(BEN));

            assertThat(unavailable).isInstanceOf(dev.gmailserverauth.domain.error.ProviderUnavailableException.class);
            String privateKey = com.google.gson.JsonParser.parseString(delegation().serviceAccountKeyJson()).getAsJsonObject().get("private_key")
                    .getAsString().split("\n")[1];
            List<String> logged = appender.list.stream().map(e -> e.getFormattedMessage()).toList();
            assertThat(logged).anyMatch(line -> line.contains("WRONG MAILBOX"));
            for (String secret : List.of(token, privateKey)) {
                assertThat(logged).noneMatch(line -> line.contains(secret));
                for (Throwable t = unavailable; t != null; t = t.getCause()) assertThat(String.valueOf(t)).doesNotContain(secret);
            }
            assertThat(adapters.toString() + ServiceAccountKeyFile.read(writeKey()).toString()).doesNotContain(privateKey);
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
            sandbox.control().clearFaults();
        }
    }

    private static Path writeKey() throws IOException {
        Path key = Files.createTempDirectory(dir, "key").resolve("service-account.json");
        delegation().writeServiceAccountKey(key);
        return key;
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedAtStart() throws IOException {
        Path key = Files.createTempDirectory(dir, "open").resolve("service-account.json");
        delegation().writeServiceAccountKey(key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ServiceAccountKeyFile.read(key)).isInstanceOf(GoogleConfigurationException.class)
                .hasMessageContaining("chmod 600").hasMessageNotContaining("PRIVATE KEY");
        assertThatThrownBy(() -> ServiceAccountKeyFile.read(dir.resolve("nope.json"))).hasMessageContaining("does not exist");
    }
}
