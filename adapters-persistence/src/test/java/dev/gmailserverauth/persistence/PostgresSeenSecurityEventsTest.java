package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SeenSecurityEventsContract;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSeenSecurityEventsTest extends SeenSecurityEventsContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.postgres(POSTGRES);

    @Override
    protected SeenSecurityEvents store() {
        return persistence.get().seenSecurityEvents();
    }
}
