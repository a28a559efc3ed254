package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.DirectoryListing;
import dev.gmailserverauth.domain.model.DirectoryUser;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.port.DomainDirectory;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator enrols mailboxes of the Workspace domain for reading through domain-wide delegation: every user the
 * domain's directory lists, or one of them. Suspended and archived users, and users without a mailbox, are skipped
 * and reported; an address the directory does not list is reported, never enrolled.
 */
public final class EnrolMailboxes {
    private final DomainDirectory directory;
    private final EnrolledMailboxes mailboxes;
    private final Clock clock;

    public EnrolMailboxes(DomainDirectory directory, EnrolledMailboxes mailboxes, Clock clock) {
        this.directory = Objects.requireNonNull(directory);
        this.mailboxes = Objects.requireNonNull(mailboxes);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Which users to enrol: one address, or (empty) every user of the domain. */
    public record Selection(Optional<EmailAddress> user) {
        public Selection {
            Objects.requireNonNull(user, "user");
            user = user.map(u -> new EmailAddress(u.value().toLowerCase(Locale.ROOT)));
        }

        public static Selection all() {
            return new Selection(Optional.empty());
        }

        public static Selection user(EmailAddress email) {
            return new Selection(Optional.of(email));
        }
    }

    public Enrolment enrol(Selection selection) {
        DirectoryListing listing = directory.users();
        return listing.fold(listed -> enrol(selection, listed.users()), refused -> new Enrolment.DirectoryRefused(refused.explanation()));
    }

    private Enrolment enrol(Selection selection, List<DirectoryUser> users) {
        List<DirectoryUser> chosen = selection.user()
                .map(email -> users.stream().filter(u -> u.email().value().equalsIgnoreCase(email.value())).toList())
                .orElse(users);
        List<EmailAddress> notInDirectory = selection.user().filter(email -> chosen.isEmpty()).stream().toList();
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
                already.add(existing.get());
                continue;
            }
            EnrolledMailbox mailbox = existing.map(e -> new EnrolledMailbox(e.user(), user.email(), e.enrolledAt(), Optional.empty()))
                    .orElseGet(() -> EnrolledMailbox.enrolled(user.id(), user.email(), clock.instant()));
            mailboxes.save(mailbox);
            enrolled.add(mailbox);
        }
        return new Enrolment.Done(enrolled, already, skipped, notInDirectory);
    }
}
