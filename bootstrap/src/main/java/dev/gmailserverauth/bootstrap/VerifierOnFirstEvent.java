package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The security event verifier, built when the first security event arrives rather than at start: most starts see
 * none for a long while, and the verifier's JOSE and HTTP classes are not needed to serve the first request
 * (decision 0046). The real verifier is built once; verifications then run side by side, as before.
 */
final class VerifierOnFirstEvent implements SecurityEventVerifier {
    private final Supplier<SecurityEventVerifier> build;
    /** Guarded by {@code this}; empty until the first event. */
    private SecurityEventVerifier verifier;

    VerifierOnFirstEvent(Supplier<SecurityEventVerifier> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    @Override
    public Verification verify(String token) {
        return verifier().verify(token);
    }

    private synchronized SecurityEventVerifier verifier() {
        if (verifier == null) verifier = Objects.requireNonNull(build.get(), "the verifier built");
        return verifier;
    }
}
