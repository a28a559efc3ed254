package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.PushVerification;
import java.util.Optional;

/** Driven port that checks the OIDC token Pub/Sub sends with every push ({@code Authorization: Bearer …}). */
public interface PushTokenVerifier {

    /** Checks the bearer token of one push; empty when the request carried none. */
    PushVerification verify(Optional<String> bearerToken);
}
