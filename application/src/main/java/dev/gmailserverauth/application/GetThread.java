package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Objects;

/** One conversation with all its messages. */
public final class GetThread {
    private final Mailbox mailbox;
    private final MailboxAccess access;

    public GetThread(Mailbox mailbox, AuthorizedAccess access, BeginAuthorization begin) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.access = new MailboxAccess(access, begin);
    }

    public MailOutcome<MailThread> get(UserId user, ThreadId id) {
        return access.call(user, token -> mailbox.getThread(token, id));
    }
}
