package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SignInHolds;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SignInHolds} in a map, for tests. */
public final class InMemorySignInHolds implements SignInHolds {
    private final Map<UserId, SignInHold> holds = new ConcurrentHashMap<>();

    @Override
    public void hold(SignInHold hold) {
        holds.put(hold.userId(), hold);
    }

    @Override
    public Optional<SignInHold> find(UserId userId) {
        return Optional.ofNullable(holds.get(userId));
    }

    @Override
    public boolean release(UserId userId) {
        return holds.remove(userId) != null;
    }
}
