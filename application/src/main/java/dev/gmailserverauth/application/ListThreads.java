package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Objects;

/** One page of a user's conversations for a search. */
public final class ListThreads {
    private final Mailbox mailbox;

    public ListThreads(Mailbox mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox);
    }

    public MailOutcome<Page<ThreadSummary>> list(MailboxGrant grant, MailQuery query) {
        return grant.call(token -> mailbox.listThreads(token, query));
    }
}
