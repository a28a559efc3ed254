package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxContract;
import dev.gmailserverauth.sandbox.SandboxAttachment;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The port's contract against the sandbox: each mailbox is a fresh account, its token from a real consent. */
class GmailMailboxContractTest extends MailboxContract {
    /** Started with the class, closed after its last test. */
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    @Override
    protected Mailbox mailbox() {
        return sandbox.mailbox();
    }

    @Override
    protected MailboxAccess mailboxWith(List<NewMessage> messages) {
        String email = sandbox.newAccount("mailbox");
        String thread = null;
        for (NewMessage m : messages) {
            SandboxMessage message = SandboxMessage.of(m.from(), email, m.subject(), m.date(), m.body())
                    .withLabels(m.unread() ? List.of("INBOX", "UNREAD") : List.of("INBOX"))
                    .withAttachments(m.attachments().stream().map(a -> new SandboxAttachment(a.filename(), a.mimeType(), a.content(), a.contentId())).toList());
            if (m.html().isPresent()) message = message.withHtmlBody(m.html().get());
            if (m.replyToPrevious() && thread != null) message = message.inThread(thread);
            String id = sandbox.control().addMessage(email, message);
            if (!m.replyToPrevious() || thread == null) thread = id;
        }
        return sandbox.access(email, true);
    }

    @Override
    protected MailboxAccess tokenWithoutGmailScope() {
        return sandbox.access(sandbox.newAccount("nogmail"), false);
    }
}
