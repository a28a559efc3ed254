package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.util.Objects;
import java.util.function.Function;

/** Whether the application may act for a user right now. */
public sealed interface AccessOutcome {
    /** Takes this apart: runs the one function for its case. */
    <R> R fold(Function<Granted, R> granted, Function<Denied, R> denied);

    /** A usable grant, to be shared by everything one request does for this person. */
    record Granted(MailboxGrant grant) implements AccessOutcome {
        public Granted {
            Objects.requireNonNull(grant, "grant");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<Denied, R> denied) {
            return granted.apply(this);
        }
    }

    /** Nothing usable is stored: the user must go through consent. */
    record Denied(ConsentRequired consent) implements AccessOutcome {
        public Denied {
            Objects.requireNonNull(consent, "consent");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<Denied, R> denied) {
            return denied.apply(this);
        }
    }
}
