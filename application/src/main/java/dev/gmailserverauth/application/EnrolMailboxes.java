package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.DirectoryListing;
import dev.gmailserverauth.domain.model.DirectoryUser;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.GroupMembership;
import dev.gmailserverauth.domain.port.DomainDirectory;
import dev.gmailserverauth.domain.port.DomainGroups;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.SyncJobs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator enrols mailboxes of the Workspace domain for reading through domain-wide delegation: every user the
 * domain's directory lists, the members of a group (nested groups' members included), or one user. Suspended and
 * archived users, and users without a mailbox, are skipped and reported; an address the directory does not list (a
 * group member outside the domain, say) is reported, never enrolled. Every mailbox enrolled is synced from then on,
 * while its person is away, its first sync (the backfill) asked for at once.
 */
public final class EnrolMailboxes {
    private final DomainDirectory directory;
    private final DomainGroups groups;
    private final EnrolledMailboxes mailboxes;
    private final SyncJobs jobs;
    private final Clock clock;

    /** @param jobs asked for each mailbox enrolled (or enrolled already) to sync now: a first sync is its backfill */
    public EnrolMailboxes(DomainDirectory directory, DomainGroups groups, EnrolledMailboxes mailboxes, SyncJobs jobs, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs);
        this.directory = Objects.requireNonNull(directory);
        this.groups = Objects.requireNonNull(groups);
        this.mailboxes = Objects.requireNonNull(mailboxes);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Which users to enrol: one address, the members of a group, or (both empty) every user of the domain. */
    public record Selection(Optional<EmailAddress> user, Optional<EmailAddress> group) {
        public Selection {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(group, "group");
            if (user.isPresent() && group.isPresent()) throw new IllegalArgumentException("a user or a group, not both");
            user = user.map(EnrolMailboxes::lowerCase);
            group = group.map(EnrolMailboxes::lowerCase);
        }

        public static Selection all() {
            return new Selection(Optional.empty(), Optional.empty());
        }

        public static Selection user(EmailAddress email) {
            return new Selection(Optional.of(email), Optional.empty());
        }

        public static Selection group(EmailAddress group) {
            return new Selection(Optional.empty(), Optional.of(group));
        }
    }

    public Enrolment enrol(Selection selection) {
        Optional<GroupMembership> membership = selection.group().map(groups::members);
        Optional<String> groupRefused = membership.flatMap(m -> m.fold(listed -> Optional.empty(), refused -> Optional.of(refused.explanation())));
        if (groupRefused.isPresent()) return new Enrolment.DirectoryRefused(groupRefused.get());
        // Only the addresses asked for: one user, the group's members, or everyone (empty).
        Optional<List<EmailAddress>> wanted = selection.user().map(List::of).or(() -> membership.map(m -> m.fold(
                GroupMembership.Listed::members, refused -> List.of())));
        DirectoryListing listing = directory.users();
        return listing.fold(listed -> enrol(wanted, listed.users()), refused -> new Enrolment.DirectoryRefused(refused.explanation()));
    }

    private Enrolment enrol(Optional<List<EmailAddress>> wanted, List<DirectoryUser> users) {
        Map<EmailAddress, DirectoryUser> byEmail = new LinkedHashMap<>();
        users.forEach(u -> byEmail.put(lowerCase(u.email()), u));
        List<DirectoryUser> chosen = wanted.map(addresses -> addresses.stream().map(EnrolMailboxes::lowerCase).distinct()
                .map(byEmail::get).filter(Objects::nonNull).toList()).orElse(users);
        List<EmailAddress> notInDirectory = wanted.map(addresses -> addresses.stream().map(EnrolMailboxes::lowerCase).distinct()
                .filter(email -> !byEmail.containsKey(email)).toList()).orElse(List.of());
        List<EnrolledMailbox> enrolled = new ArrayList<>();
        List<EnrolledMailbox> already = new ArrayList<>();
        List<DirectoryUser> skipped = new ArrayList<>();
        for (DirectoryUser user : chosen) {
            if (!user.active()) {
                skipped.add(user);
                continue;
            }
            Optional<EnrolledMailbox> existing = mailboxes.findByUserId(user.id());
            if (existing.filter(e -> e.email().equals(user.email())).isPresent()) {
                // Its sync is asked for again: that resumes one paused by a refusal the administrator has fixed since.
                jobs.syncAt(user.id(), clock.instant());
                already.add(existing.get());
                continue;
            }
            EnrolledMailbox mailbox = existing.map(e -> new EnrolledMailbox(e.user(), user.email(), e.enrolledAt(), Optional.empty()))
                    .orElseGet(() -> EnrolledMailbox.enrolled(user.id(), user.email(), clock.instant()));
            mailboxes.save(mailbox);
            jobs.syncAt(user.id(), clock.instant());
            enrolled.add(mailbox);
        }
        return new Enrolment.Done(enrolled, already, skipped, notInDirectory);
    }

    private static EmailAddress lowerCase(EmailAddress email) {
        return new EmailAddress(email.value().toLowerCase(Locale.ROOT));
    }
}
