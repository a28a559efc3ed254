package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.function.Function;

/** What checking the OIDC token on a Pub/Sub push came to. */
public sealed interface PushVerification {

    <R> R fold(Function<Verified, R> verified, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable);

    /** Signed by Google's key, for our audience, by the configured push service account, unexpired. */
    record Verified() implements PushVerification {
        @Override
        public <R> R fold(Function<Verified, R> verified, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable) {
            return verified.apply(this);
        }
    }

    /** The token is missing, forged, expired or not meant for us: nothing is done. */
    record Refused(Reason reason) implements PushVerification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R fold(Function<Verified, R> verified, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable) {
            return refused.apply(this);
        }
    }

    /** The signing keys could not be fetched: a temporary failure, Pub/Sub delivers again. */
    record KeysUnavailable() implements PushVerification {
        @Override
        public <R> R fold(Function<Verified, R> verified, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable) {
            return keysUnavailable.apply(this);
        }
    }

    /** Why a push token was refused. The first group is "who are you?" (401), the second "not you" (403). */
    enum Reason {
        MISSING(false), MALFORMED(false), BAD_SIGNATURE(false), UNKNOWN_KEY(false), EXPIRED(false), WRONG_ISSUER(false),
        WRONG_AUDIENCE(true), WRONG_EMAIL(true), EMAIL_NOT_VERIFIED(true);

        private final boolean forbidden;

        Reason(boolean forbidden) {
            this.forbidden = forbidden;
        }

        /** True when the token is genuine but not the one we accept (403); false when it proves nothing (401). */
        public boolean forbidden() {
            return forbidden;
        }
    }
}
