package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import java.util.List;
import java.util.Objects;

/** The mailboxes enrolled for domain-wide delegation, by address. */
public final class ListEnrolledMailboxes {
    private final EnrolledMailboxes mailboxes;

    public ListEnrolledMailboxes(EnrolledMailboxes mailboxes) {
        this.mailboxes = Objects.requireNonNull(mailboxes);
    }

    public List<EnrolledMailbox> list() {
        return mailboxes.all();
    }
}
