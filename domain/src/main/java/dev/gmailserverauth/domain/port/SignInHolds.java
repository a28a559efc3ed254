package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.UserId;
import java.util.Optional;

/** Driven port for the accounts whose sign-in is refused until Google enables them again. */
public interface SignInHolds {

    /** Puts the hold in place, replacing one already there for that person. */
    void hold(SignInHold hold);

    Optional<SignInHold> find(UserId userId);

    /** Lifts the person's hold; true when there was one. */
    boolean release(UserId userId);
}
