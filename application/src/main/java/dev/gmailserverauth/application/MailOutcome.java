package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.util.Objects;

/** How a mail use case ended. */
public sealed interface MailOutcome<T> {

    record Success<T>(T value) implements MailOutcome<T> {
        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The user must go (back) through consent: revoked, never authorized, or the Gmail scope missing. */
    record ReauthorizationRequired<T>(ConsentRequired consent) implements MailOutcome<T> {
        public ReauthorizationRequired {
            Objects.requireNonNull(consent, "consent");
        }
    }

    record NotFound<T>() implements MailOutcome<T> {
    }

    /** The mailbox refused an argument (for example a page token from elsewhere). */
    record Invalid<T>(String reason) implements MailOutcome<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
