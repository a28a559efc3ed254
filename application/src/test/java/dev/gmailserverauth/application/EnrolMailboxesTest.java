package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.InMemoryEnrolledMailboxes;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.DirectoryListing;
import dev.gmailserverauth.domain.model.DirectoryUser;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.GroupMembership;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EnrolMailboxesTest {
    private static final DirectoryUser ADA = user("101", "ada@northwind.example", DirectoryUser.Status.ACTIVE);
    private static final DirectoryUser BEN = user("102", "ben@northwind.example", DirectoryUser.Status.ACTIVE);
    private static final DirectoryUser DEV = user("104", "dev@northwind.example", DirectoryUser.Status.SUSPENDED);
    private static final DirectoryUser OLD = user("105", "old@northwind.example", DirectoryUser.Status.ARCHIVED);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final AtomicReference<DirectoryListing> listing = new AtomicReference<>(new DirectoryListing.Listed(List.of(ADA, BEN, DEV, OLD)));
    private final AtomicReference<GroupMembership> groups = new AtomicReference<>(new GroupMembership.Refused("no groups"));
    private final InMemoryEnrolledMailboxes mailboxes = new InMemoryEnrolledMailboxes();
    private final World world = new World();
    private final EnrolMailboxes enrol = new EnrolMailboxes(listing::get, group -> groups.get(), mailboxes, world.syncJobs, clock);
    private final ListEnrolledMailboxes list = new ListEnrolledMailboxes(mailboxes);
    private final RemoveEnrolledMailbox remove = new RemoveEnrolledMailbox(mailboxes, world.credentials, world.endSync);

    private static DirectoryUser user(String id, String email, DirectoryUser.Status status) {
        return new DirectoryUser(new UserId(id), new EmailAddress(email), email, status);
    }

    private static Enrolment.Done done(Enrolment enrolment) {
        return enrolment.fold(d -> d, refused -> {
            throw new AssertionError(refused.explanation());
        });
    }

    @Test
    void enrollingEveryoneSkipsAndReportsSuspendedAndArchivedUsers() {
        Enrolment.Done result = done(enrol.enrol(EnrolMailboxes.Selection.all()));

        assertThat(result.enrolled()).extracting(EnrolledMailbox::email).containsExactly(ADA.email(), BEN.email());
        assertThat(result.skipped()).containsExactly(DEV, OLD);
        assertThat(list.list()).extracting(EnrolledMailbox::user).containsExactly(ADA.id(), BEN.id());
        assertThat(list.list()).allSatisfy(m -> assertThat(m.enrolledAt()).isEqualTo(clock.instant()));
        assertThat(world.syncJobs.dueAt(ADA.id())).contains(clock.instant());
        assertThat(world.syncJobs.dueAt(BEN.id())).contains(clock.instant());
        assertThat(world.syncJobs.dueAt(DEV.id())).isEmpty();
    }

    @Test
    void enrollingAgainLeavesEnrolledMailboxesAsTheyWere() {
        done(enrol.enrol(EnrolMailboxes.Selection.all()));
        clock.advance(java.time.Duration.ofHours(1));

        Enrolment.Done again = done(enrol.enrol(EnrolMailboxes.Selection.all()));

        assertThat(again.enrolled()).isEmpty();
        assertThat(again.alreadyEnrolled()).hasSize(2);
        assertThat(list.list()).allSatisfy(m -> assertThat(m.enrolledAt()).isBefore(clock.instant()));
    }

    @Test
    void oneUserIsEnrolledByAddressAndAnAddressTheDirectoryDoesNotListIsReported() {
        Enrolment.Done ben = done(enrol.enrol(EnrolMailboxes.Selection.user(new EmailAddress("BEN@northwind.example"))));
        Enrolment.Done stranger = done(enrol.enrol(EnrolMailboxes.Selection.user(new EmailAddress("eve@northwind.example"))));
        Enrolment.Done suspended = done(enrol.enrol(EnrolMailboxes.Selection.user(DEV.email())));

        assertThat(ben.enrolled()).extracting(EnrolledMailbox::email).containsExactly(BEN.email());
        assertThat(stranger.notInDirectory()).containsExactly(new EmailAddress("eve@northwind.example"));
        assertThat(suspended.skipped()).containsExactly(DEV);
        assertThat(list.list()).hasSize(1);
    }

    @Test
    void aGroupsMembersAreEnrolledSuspendedOnesSkippedAndAddressesOutsideTheDomainReported() {
        EmailAddress sales = new EmailAddress("sales@northwind.example");
        EmailAddress outsider = new EmailAddress("olivia@example.org");
        groups.set(new GroupMembership.Listed(sales, List.of(BEN.email(), DEV.email(), outsider, new EmailAddress("BEN@northwind.example"))));

        Enrolment.Done result = done(enrol.enrol(EnrolMailboxes.Selection.group(sales)));

        assertThat(result.enrolled()).extracting(EnrolledMailbox::email).containsExactly(BEN.email());
        assertThat(result.skipped()).containsExactly(DEV);
        assertThat(result.notInDirectory()).containsExactly(outsider);
        assertThat(list.list()).extracting(EnrolledMailbox::email).containsExactly(BEN.email());
    }

    @Test
    void aGroupTheDirectoryRefusesEnrolsNothingAndSaysWhy() {
        groups.set(new GroupMembership.Refused("there is no group nope@northwind.example"));

        assertThat(enrol.enrol(EnrolMailboxes.Selection.group(new EmailAddress("nope@northwind.example")))
                .<String>fold(d -> "done", Enrolment.DirectoryRefused::explanation)).contains("no group nope@northwind.example");
        assertThat(list.list()).isEmpty();
    }

    @Test
    void aRefusedDirectoryEnrolsNothingAndSaysWhy() {
        listing.set(new DirectoryListing.Refused("not an administrator"));

        assertThat(enrol.enrol(EnrolMailboxes.Selection.all()).<String>fold(d -> "done", Enrolment.DirectoryRefused::explanation))
                .isEqualTo("not an administrator");
        assertThat(list.list()).isEmpty();
    }

    @Test
    void removingEndsTheMailboxsSyncAndForgetsIt() {
        done(enrol.enrol(EnrolMailboxes.Selection.all()));
        assertThat(world.syncJobs.dueAt(ADA.id())).isPresent();

        assertThat(remove.remove(new EmailAddress("Ada@northwind.example"))).isTrue();
        assertThat(remove.remove(ADA.email())).isFalse();
        assertThat(list.list()).extracting(EnrolledMailbox::email).containsExactly(BEN.email());
        assertThat(world.syncJobs.dueAt(ADA.id())).isEmpty();
        assertThat(world.syncJobs.dueAt(BEN.id())).isPresent();
    }
}
