package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.EnrolledMailboxesContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEnrolledMailboxesTest extends EnrolledMailboxesContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected EnrolledMailboxes mailboxes() {
        return persistence.get().enrolledMailboxes();
    }
}
