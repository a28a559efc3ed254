package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** How an authorization callback ended. Expected outcomes are values, not exceptions. */
public sealed interface AuthorizationOutcome {

    /** The user is known and a usable credential is stored. */
    record Authorized(UserId userId, EmailAddress email) implements AuthorizationOutcome {
        public Authorized {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(email, "email");
        }
    }

    /** The user must go through consent (again), at this URL, for this reason. */
    record ConsentRequired(AuthorizationUrl url, ConsentReason reason) implements AuthorizationOutcome {
        public ConsentRequired {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The callback is not one this server asked for (missing, unknown, expired or replayed state). */
    record Rejected(String reason) implements AuthorizationOutcome {
        public Rejected {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason is blank");
        }
    }
}
