package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SeenSecurityEventsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteSeenSecurityEventsTest extends SeenSecurityEventsContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected SeenSecurityEvents store() {
        return persistence.get().seenSecurityEvents();
    }
}
