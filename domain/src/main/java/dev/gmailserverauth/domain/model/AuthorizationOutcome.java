package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** How an authorization callback ended. Expected outcomes are values, not exceptions. */
public sealed interface AuthorizationOutcome {
    /** Takes this apart: runs the one function for its case. */
    <R> R fold(Function<Authorized, R> authorized,
            Function<ConsentRequired, R> consentRequired,
            Function<SignInRefused, R> signInRefused,
            Function<Rejected, R> rejected);

    /** The user is known and a usable credential is stored. */
    record Authorized(UserId userId, EmailAddress email) implements AuthorizationOutcome {
        public Authorized {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <R> R fold(Function<Authorized, R> authorized,
                Function<ConsentRequired, R> consentRequired,
                Function<SignInRefused, R> signInRefused,
                Function<Rejected, R> rejected) {
            return authorized.apply(this);
        }
    }

    /**
     * The user must go through consent (again), for this reason, as this account if a hint is known.
     * It carries no consent URL: the URL (and the pending authorization behind it) is made only when a
     * browser actually starts the sign-in, so an outcome nobody follows costs nothing.
     */
    record ConsentRequired(ConsentReason reason, Optional<EmailAddress> loginHint) implements AuthorizationOutcome {
        public ConsentRequired {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(loginHint, "loginHint");
        }

        @Override
        public <R> R fold(Function<Authorized, R> authorized,
                Function<ConsentRequired, R> consentRequired,
                Function<SignInRefused, R> signInRefused,
                Function<Rejected, R> rejected) {
            return consentRequired.apply(this);
        }
    }

    /**
     * The sign-in was genuine, but this account may not sign in now: Google reported it hijacked
     * ({@code account-disabled}, reason {@code hijacking}) and has not enabled it again. Nothing was stored.
     */
    record SignInRefused(UserId userId, SignInHold hold) implements AuthorizationOutcome {
        public SignInRefused {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(hold, "hold");
        }

        @Override
        public <R> R fold(Function<Authorized, R> authorized,
                Function<ConsentRequired, R> consentRequired,
                Function<SignInRefused, R> signInRefused,
                Function<Rejected, R> rejected) {
            return signInRefused.apply(this);
        }
    }

    /** The callback is not one this server asked for (missing, unknown, expired or replayed state). */
    record Rejected(String reason) implements AuthorizationOutcome {
        public Rejected {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason is blank");
        }

        @Override
        public <R> R fold(Function<Authorized, R> authorized,
                Function<ConsentRequired, R> consentRequired,
                Function<SignInRefused, R> signInRefused,
                Function<Rejected, R> rejected) {
            return rejected.apply(this);
        }
    }
}
