package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.util.Objects;

/** Whether the application may act for a user right now. */
public sealed interface AccessOutcome {

    record Granted(AccessToken token) implements AccessOutcome {
        public Granted {
            Objects.requireNonNull(token, "token");
        }
    }

    /** Nothing usable is stored: the user must go through consent at this URL. */
    record Denied(ConsentRequired consent) implements AccessOutcome {
        public Denied {
            Objects.requireNonNull(consent, "consent");
        }
    }
}
