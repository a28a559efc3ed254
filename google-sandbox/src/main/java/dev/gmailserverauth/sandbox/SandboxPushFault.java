package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * What goes wrong with the next pushes. Delivery faults change the genuine push (late, lost, twice, after the next
 * one); forgeries send a forged copy first (never retried), then the genuine push as usual.
 *
 * @param delay how late a {@link Kind#DELAY} push arrives (zero otherwise)
 */
public record SandboxPushFault(Kind kind, Duration delay) {
    public enum Kind {
        DELAY, DROP, DUPLICATE, REORDER,
        /** Forgeries: the token is signed by a key the key set does not publish, under a published {@code kid}. */
        BAD_SIGNATURE,
        /** Signed under a {@code kid} the key set does not list. */
        UNKNOWN_KEY,
        WRONG_AUDIENCE, WRONG_EMAIL, EMAIL_NOT_VERIFIED,
        /** {@code exp} an hour ago. */
        EXPIRED,
        /** {@code iss} is not Google's. */
        OTHER_ISSUER,
        /** {@code alg: none}, no signature. */
        UNSIGNED;

        public boolean forgery() {
            return ordinal() >= BAD_SIGNATURE.ordinal();
        }
    }

    public SandboxPushFault {
        Objects.requireNonNull(kind, "kind");
        if (delay == null || delay.isNegative()) throw new IllegalArgumentException("delay must be >= 0");
        if (kind != Kind.DELAY && !delay.isZero()) throw new IllegalArgumentException("only a DELAY fault has a delay");
    }

    public static SandboxPushFault of(Kind kind) {
        return new SandboxPushFault(kind, Duration.ZERO);
    }

    public static SandboxPushFault delayed(Duration delay) {
        return new SandboxPushFault(Kind.DELAY, delay);
    }
}
