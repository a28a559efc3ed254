package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Objects;

/** One whole message of a user's mailbox. */
public final class GetMessage {
    private final Mailbox mailbox;
    private final MailboxAccess access;

    public GetMessage(Mailbox mailbox, AuthorizedAccess access, BeginAuthorization begin) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.access = new MailboxAccess(access, begin);
    }

    public MailOutcome<Message> get(UserId user, MessageId id) {
        return access.call(user, token -> mailbox.getMessage(token, id));
    }
}
