package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Objects;

/** One conversation with all its messages. */
public final class GetThread {
    private final Mailbox mailbox;

    public GetThread(Mailbox mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox);
    }

    public MailOutcome<MailThread> get(MailboxGrant grant, ThreadId id) {
        return grant.call(token -> mailbox.getThread(token, id));
    }
}
