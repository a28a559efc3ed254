package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.InMemoryEnrolledMailboxes;
import dev.gmailserverauth.domain.fake.InMemoryRefreshLock;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.Impersonation;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.MailboxResponse;
import dev.gmailserverauth.domain.port.DelegatedAuthority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DelegatedAccessTest {
    private final World world = new World();
    private final UserIdentity ben = world.google.addAccount("ben@northwind.example");
    private final InMemoryEnrolledMailboxes enrolled = new InMemoryEnrolledMailboxes();
    private final CountingAuthority authority = new CountingAuthority();
    private final DelegatedAccess delegated = new DelegatedAccess(enrolled, authority, new InMemoryRefreshLock(), world.clock);

    /** Mints FakeGoogle tokens for the subject, counting the mints; {@link #refusal} answers instead when set. */
    private final class CountingAuthority implements DelegatedAuthority {
        final AtomicInteger mints = new AtomicInteger();
        final AtomicReference<Optional<Impersonation>> refusal = new AtomicReference<>(Optional.empty());
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public Impersonation impersonate(EmailAddress subject) {
            mints.incrementAndGet();
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) throw new AssertionError("the gate never opened");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return refusal.get().orElseGet(() -> new Impersonation.Granted(subject, new ExpiringAccessToken(
                    world.google.issueAccessToken(ben, Scopes.of(Scope.GMAIL_READONLY)), world.clock.instant().plusSeconds(3599))));
        }
    }

    private void enrolBen() {
        enrolled.save(EnrolledMailbox.enrolled(ben.userId(), ben.email(), world.clock.instant()));
    }

    private MailboxGrant opened(DelegatedOutcome outcome) {
        return outcome.fold(DelegatedOutcome.Opened::grant, n -> {
            throw new AssertionError("not enrolled: " + n.email());
        }, r -> {
            throw new AssertionError(r.refusal().explanation());
        });
    }

    /** The token a grant reads with, as a mail call sees it. */
    private static String tokenOf(MailboxGrant grant) {
        return grant.call(access -> new MailboxResponse.Ok<>(access.token().value()))
                .fold(success -> success.value(), r -> fail(), n -> fail(), i -> fail(), l -> fail());
    }

    private static String fail() {
        throw new AssertionError("a call that only reads the token did not succeed");
    }

    @Test
    void anEnrolledMailboxIsReadWithTheSameMailUseCasesAndNoConsent() {
        enrolBen();
        world.google.addMessage(ben, new NewMessage("Cleo <cleo@northwind.example>", "Contract", "Signed.", Instant.parse("2026-05-20T08:00:00Z"), true));

        MailboxGrant grant = opened(delegated.open(new EmailAddress("Ben@Northwind.example")));
        MailOutcome<ListMessages.Listing> listing = world.listMessages.list(grant,
                new ListMessages.Query(SearchQuery.ALL, Optional.empty(), PageSize.DEFAULT));

        assertThat(grant.user()).isEqualTo(ben.userId());
        assertThat(listing).isInstanceOfSatisfying(MailOutcome.Success.class,
                success -> assertThat(((ListMessages.Listing) success.value()).page().items()).hasSize(1));
        assertThat(world.credentials.findByUserId(ben.userId())).isEmpty();
    }

    @Test
    void aTokenIsMintedOnceFor100ConcurrentReadsOfOneMailbox() throws Exception {
        enrolBen();
        authority.gate = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(100);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<DelegatedOutcome>> reads = IntStream.range(0, 100).mapToObj(i -> pool.submit(() -> {
                started.countDown();
                return delegated.open(ben.email());
            })).toList();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            authority.gate.countDown();
            List<String> tokens = reads.stream().map(f -> {
                try {
                    return tokenOf(opened(f.get(10, TimeUnit.SECONDS)));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).distinct().toList();

            assertThat(authority.mints.get()).isEqualTo(1);
            assertThat(tokens).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theMintedTokenIsKeptUntilShortlyBeforeItEndsAndSharedWithAnotherInstance() {
        enrolBen();
        DelegatedAccess otherInstance = new DelegatedAccess(enrolled, authority, new InMemoryRefreshLock(), world.clock);

        String first = tokenOf(opened(delegated.open(ben.email())));
        String again = tokenOf(opened(otherInstance.open(ben.email())));
        world.clock.advance(Duration.ofSeconds(3599).minus(DelegatedAccess.EXPIRY_MARGIN).plusSeconds(1));
        String renewed = tokenOf(opened(delegated.open(ben.email())));

        assertThat(again).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(authority.mints.get()).isEqualTo(2);
        assertThat(enrolled.findByUserId(ben.userId()).flatMap(EnrolledMailbox::accessToken).map(t -> t.token().value())).contains(renewed);
    }

    @Test
    void aRefusalIsPassedOnWithItsExplanationAndNothingIsStored() {
        enrolBen();
        Impersonation notDelegated = new Impersonation.NotDelegated("113774264463038321964", List.of(Scope.GMAIL_READONLY));
        authority.refusal.set(Optional.of(notDelegated));

        DelegatedOutcome outcome = delegated.open(ben.email());

        assertThat(outcome.<String>fold(o -> "opened", n -> "not enrolled", r -> r.refusal().explanation()))
                .contains("113774264463038321964").contains("https://www.googleapis.com/auth/gmail.readonly");
        assertThat(enrolled.findByUserId(ben.userId()).flatMap(EnrolledMailbox::accessToken)).isEmpty();
    }

    @Test
    void aMailboxNobodyEnrolledIsNotOpenedAndNothingIsMinted() {
        DelegatedOutcome outcome = delegated.open(ben.email());

        assertThat(outcome.<String>fold(o -> "opened", n -> n.email().value(), r -> "refused")).isEqualTo(ben.email().value());
        assertThat(authority.mints.get()).isZero();
    }

    @Test
    void aPersonWithNoConsentIsOpenedThroughTheirEnrolledMailboxWhereverAGrantIsOpened() {
        AuthorizedAccess access = new AuthorizedAccess(world.credentials, world.google.authorizationProvider(), new InMemoryRefreshLock(),
                world.history, world.recorder, world.renewalNotice, world.clock, delegated);

        ConsentReason before = reasonFor(access.open(ben.userId()));
        enrolBen();
        MailboxGrant grant = access.open(ben.userId()).fold(AccessOutcome.Granted::grant, denied -> {
            throw new AssertionError(denied.consent().reason());
        });

        assertThat(before).isEqualTo(ConsentReason.NOT_AUTHORIZED);
        assertThat(grant.user()).isEqualTo(ben.userId());
        assertThat(grant.email()).isEqualTo(ben.email());
    }

    @Test
    void aRefusalTheAdministratorFixesPausesTheReadingAndAUserWhoIsGoneEndsIt() {
        enrolBen();
        authority.refusal.set(Optional.of(new Impersonation.NotDelegated("113774264463038321964", List.of(Scope.GMAIL_READONLY))));
        ConsentReason notDelegated = reasonFor(delegated.open(ben.userId()).orElseThrow());
        authority.refusal.set(Optional.of(new Impersonation.UnknownUser(ben.email(), "Invalid email or User ID")));
        ConsentReason gone = reasonFor(delegated.open(ben.userId()).orElseThrow());

        assertThat(notDelegated).isEqualTo(ConsentReason.INSUFFICIENT_SCOPE);
        assertThat(gone).isEqualTo(ConsentReason.CREDENTIALS_REVOKED);
    }

    private static ConsentReason reasonFor(AccessOutcome outcome) {
        return outcome.fold(granted -> {
            throw new AssertionError("granted");
        }, denied -> denied.consent().reason());
    }
}
