package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import java.util.Locale;
import java.util.Objects;

/** An operator stops reading a mailbox through delegation: it and its token are forgotten. */
public final class RemoveEnrolledMailbox {
    private final EnrolledMailboxes mailboxes;

    public RemoveEnrolledMailbox(EnrolledMailboxes mailboxes) {
        this.mailboxes = Objects.requireNonNull(mailboxes);
    }

    /** False when that mailbox was not enrolled. */
    public boolean remove(EmailAddress email) {
        return mailboxes.remove(new EmailAddress(email.value().toLowerCase(Locale.ROOT)));
    }
}
