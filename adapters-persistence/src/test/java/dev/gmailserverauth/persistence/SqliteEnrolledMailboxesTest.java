package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.EnrolledMailboxesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteEnrolledMailboxesTest extends EnrolledMailboxesContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected EnrolledMailboxes mailboxes() {
        return persistence.get().enrolledMailboxes();
    }
}
