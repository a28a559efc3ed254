package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.SecurityEventToken;
import java.time.Duration;
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

    /** Verified, refused for good, or not decidable now: exactly one. */
    sealed interface Verification {
        /** Takes the outcome apart, one function per case. */
        <R> R fold(Function<Verified, R> verified, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable);

        record Verified(SecurityEventToken token) implements Verification {
            public Verified {
                Objects.requireNonNull(token, "token");
            }

            @Override
            public <R> R fold(Function<Verified, R> verified, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable) {
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
            public <R> R fold(Function<Verified, R> verified, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable) {
                return rejected.apply(this);
            }
        }

        /**
         * Neither accepted nor refused: what is needed to decide is out of reach for now (the issuer's key set
         * cannot be fetched, or was fetched moments ago and may not be fetched again yet). The same token may be
         * delivered again after {@code retryAfter}.
         */
        record Unavailable(String description, Duration retryAfter) implements Verification {
            public Unavailable {
                if (description == null || description.isBlank()) throw new IllegalArgumentException("description is blank");
                Objects.requireNonNull(retryAfter, "retryAfter");
                if (retryAfter.isNegative() || retryAfter.isZero()) throw new IllegalArgumentException("retryAfter must be positive");
            }

            @Override
            public <R> R fold(Function<Verified, R> verified, Function<Rejected, R> rejected, Function<Unavailable, R> unavailable) {
                return unavailable.apply(this);
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
