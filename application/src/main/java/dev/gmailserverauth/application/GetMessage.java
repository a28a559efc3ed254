package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Objects;

/** One whole message of a user's mailbox. */
public final class GetMessage {
    private final Mailbox mailbox;

    public GetMessage(Mailbox mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox);
    }

    public MailOutcome<Message> get(MailboxGrant grant, MessageId id) {
        return grant.call(token -> mailbox.getMessage(token, id));
    }
}
