package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxContract;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class FakeGoogleMailboxTest extends MailboxContract {
    private final FakeGoogle google = new FakeGoogle(Clock.systemUTC());
    private final AtomicInteger accounts = new AtomicInteger();

    @Override
    protected Mailbox mailbox() {
        return google.mailbox();
    }

    @Override
    protected MailboxAccess mailboxWith(List<NewMessage> messages) {
        UserIdentity account = google.addAccount("user" + accounts.incrementAndGet() + "@example.com");
        messages.forEach(m -> google.addMessage(account, m));
        return new MailboxAccess(account.userId(), google.issueAccessToken(account, Scopes.REQUESTED));
    }

    @Override
    protected MailboxAccess tokenWithoutGmailScope() {
        UserIdentity account = google.addAccount("nogmail@example.com");
        return new MailboxAccess(account.userId(), google.issueAccessToken(account, FakeGoogle.withoutGmail()));
    }
}
