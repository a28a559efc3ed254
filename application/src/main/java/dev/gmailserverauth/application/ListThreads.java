package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Objects;

/** One page of a user's conversations for a search. */
public final class ListThreads {
    private final Mailbox mailbox;
    private final MailboxAccess access;

    public ListThreads(Mailbox mailbox, AuthorizedAccess access, BeginAuthorization begin) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.access = new MailboxAccess(access, begin);
    }

    public MailOutcome<Page<ThreadSummary>> list(UserId user, MailQuery query) {
        return access.call(user, token -> mailbox.listThreads(token, query));
    }
}
