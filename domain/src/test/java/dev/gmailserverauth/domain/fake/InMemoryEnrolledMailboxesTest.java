package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.EnrolledMailboxesContract;

class InMemoryEnrolledMailboxesTest extends EnrolledMailboxesContract {
    @Override
    protected EnrolledMailboxes mailboxes() {
        return new InMemoryEnrolledMailboxes();
    }
}
