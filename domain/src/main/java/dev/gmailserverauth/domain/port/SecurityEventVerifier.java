package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.SecurityEventToken;
import java.util.Objects;
import java.util.function.Function;

/**
 * Driven port for trusting security event tokens: checks that a token really comes from the configured
 * issuer (signature, {@code iss}, {@code aud}) and reads its events. Replays are not its business: the
 * caller checks the token's id against {@link SeenSecurityEvents}.
 */
public interface SecurityEventVerifier {

    /** Verifies one token as received (the compact JWS of the request body). */
    Verification verify(String token);

    sealed interface Verification {
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Verified, R> verified, Function<Rejected, R> rejected);

        record Verified(SecurityEventToken token) implements Verification {
            public Verified {
                Objects.requireNonNull(token, "token");
            }

            @Override
            public <R> R fold(Function<Verified, R> verified, Function<Rejected, R> rejected) {
                return verified.apply(this);
            }
        }

        /** Not accepted; {@code error} is the RFC 8935 error code a receiver answers with. */
        record Rejected(Error error, String description) implements Verification {
            public Rejected {
                Objects.requireNonNull(error, "error");
                if (description == null || description.isBlank()) throw new IllegalArgumentException("description is blank");
            }

            @Override
            public <R> R fold(Function<Verified, R> verified, Function<Rejected, R> rejected) {
                return rejected.apply(this);
            }
        }
    }

    /** The error codes of RFC 8935 (push delivery of security event tokens), section 2.3. */
    enum Error {
        /** Not a token, not signed as expected, or its claims are malformed. */
        INVALID_REQUEST("invalid_request"),
        /** Signed with a key the issuer does not publish, or the signature does not verify. */
        INVALID_KEY("invalid_key"),
        /** {@code iss} is not the configured issuer. */
        INVALID_ISSUER("invalid_issuer"),
        /** {@code aud} does not name this application's client id. */
        INVALID_AUDIENCE("invalid_audience");

        private final String code;

        Error(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
