package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import dev.gmailserverauth.domain.port.SeenSecurityEventsContract;

class InMemorySeenSecurityEventsTest extends SeenSecurityEventsContract {
    @Override
    protected SeenSecurityEvents store() {
        return new InMemorySeenSecurityEvents();
    }
}
