package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxContract;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The port's contract against the sandbox: each mailbox is a fresh account, its token from a real consent. */
class GmailMailboxContractTest extends MailboxContract {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = new Sandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Override
    protected Mailbox mailbox() {
        return sandbox.mailbox();
    }

    @Override
    protected AccessToken mailboxWith(List<NewMessage> messages) {
        String email = sandbox.newAccount("mailbox");
        for (NewMessage m : messages) {
            SandboxMessage message = SandboxMessage.of(m.from(), email, m.subject(), m.date(), m.body())
                    .withLabels(m.unread() ? List.of("INBOX", "UNREAD") : List.of("INBOX"));
            sandbox.control().addMessage(email, message);
        }
        return sandbox.accessToken(email, true);
    }

    @Override
    protected AccessToken tokenWithoutGmailScope() {
        return sandbox.accessToken(sandbox.newAccount("nogmail"), false);
    }
}
