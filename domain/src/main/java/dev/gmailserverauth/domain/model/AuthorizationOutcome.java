package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** How an authorization callback ended. Expected outcomes are values, not exceptions. */
public sealed interface AuthorizationOutcome {
    /** Takes this outcome apart: exactly one function runs, the one for its case. */
    <R> R fold(Function<Authorized, R> authorized,
            Function<ConsentRequired, R> consentRequired,
            Function<SignInRefused, R> signInRefused,
            Function<LinkRefused, R> linkRefused,
            Function<WorkspaceRefused, R> workspaceRefused,
            Function<Rejected, R> rejected);

    /**
     * The Google account is known, a usable credential is stored, and the account is the person's: signed in
     * with it ({@code linked} false), or just linked to the person whose session completed the sign-in
     * ({@code linked} true: "Add another Google account").
     */
    record Authorized(PersonId person, UserId userId, EmailAddress email, boolean linked) implements AuthorizationOutcome {
        public Authorized {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <R> R fold(Function<Authorized, R> authorized,
                Function<ConsentRequired, R> consentRequired,
                Function<SignInRefused, R> signInRefused,
                Function<LinkRefused, R> linkRefused,
                Function<WorkspaceRefused, R> workspaceRefused,
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
                Function<LinkRefused, R> linkRefused,
                Function<WorkspaceRefused, R> workspaceRefused,
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
                Function<LinkRefused, R> linkRefused,
                Function<WorkspaceRefused, R> workspaceRefused,
                Function<Rejected, R> rejected) {
            return signInRefused.apply(this);
        }
    }

    /**
     * "Add another Google account" came back with an account that another person has linked. Nothing was
     * stored or moved: an account belongs to one person, and accounts are never merged silently.
     */
    record LinkRefused(EmailAddress email) implements AuthorizationOutcome {
        public LinkRefused {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <R> R fold(Function<Authorized, R> authorized,
                Function<ConsentRequired, R> consentRequired,
                Function<SignInRefused, R> signInRefused,
                Function<LinkRefused, R> linkRefused,
                Function<WorkspaceRefused, R> workspaceRefused,
                Function<Rejected, R> rejected) {
            return linkRefused.apply(this);
        }
    }

    /**
     * "Sign in with your Workspace account" came back with an account that may not read through delegation: not of
     * the domain, its address not verified, or its mailbox not enrolled ({@code reason} says which and what to do).
     * Nothing was stored.
     */
    record WorkspaceRefused(String reason) implements AuthorizationOutcome {
        public WorkspaceRefused {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason is blank");
        }

        @Override
        public <R> R fold(Function<Authorized, R> authorized,
                Function<ConsentRequired, R> consentRequired,
                Function<SignInRefused, R> signInRefused,
                Function<LinkRefused, R> linkRefused,
                Function<WorkspaceRefused, R> workspaceRefused,
                Function<Rejected, R> rejected) {
            return workspaceRefused.apply(this);
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
                Function<LinkRefused, R> linkRefused,
                Function<WorkspaceRefused, R> workspaceRefused,
                Function<Rejected, R> rejected) {
            return rejected.apply(this);
        }
    }
}
