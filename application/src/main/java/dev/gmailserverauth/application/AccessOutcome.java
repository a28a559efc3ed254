package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.util.Objects;

/** Whether the application may act for a user right now. */
public sealed interface AccessOutcome {

    /** A usable grant, to be shared by everything one request does for this person. */
    record Granted(MailboxGrant grant) implements AccessOutcome {
        public Granted {
            Objects.requireNonNull(grant, "grant");
        }
    }

    /** Nothing usable is stored: the user must go through consent. */
    record Denied(ConsentRequired consent) implements AccessOutcome {
        public Denied {
            Objects.requireNonNull(consent, "consent");
        }
    }
}
