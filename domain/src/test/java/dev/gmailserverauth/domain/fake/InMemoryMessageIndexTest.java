package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.MessageIndexContract;
import dev.gmailserverauth.domain.port.SyncStates;

class InMemoryMessageIndexTest extends MessageIndexContract {
    private final InMemorySyncStates states = new InMemorySyncStates();

    @Override
    protected MessageIndex index() {
        return new InMemoryMessageIndex(states);
    }

    @Override
    protected SyncStates states() {
        return states;
    }
}
