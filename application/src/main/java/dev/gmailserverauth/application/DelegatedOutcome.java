package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.Impersonation;
import java.util.Objects;
import java.util.function.Function;

/** Whether an enrolled mailbox can be read through domain-wide delegation right now. */
public sealed interface DelegatedOutcome {

    <R> R fold(Function<Opened, R> opened, Function<NotEnrolled, R> notEnrolled, Function<Refused, R> refused);

    /** A grant for the mail use cases, exactly like one resolved from a person's consent. */
    record Opened(MailboxGrant grant) implements DelegatedOutcome {
        public Opened {
            Objects.requireNonNull(grant, "grant");
        }

        @Override
        public <R> R fold(Function<Opened, R> opened, Function<NotEnrolled, R> notEnrolled, Function<Refused, R> refused) {
            return opened.apply(this);
        }
    }

    /** No operator has enrolled that mailbox. */
    record NotEnrolled(EmailAddress email) implements DelegatedOutcome {
        public NotEnrolled {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <R> R fold(Function<Opened, R> opened, Function<NotEnrolled, R> notEnrolled, Function<Refused, R> refused) {
            return notEnrolled.apply(this);
        }
    }

    /** Google gave no token for it (or one that opened another mailbox); {@link Impersonation#explanation()} says what to do. */
    record Refused(Impersonation refusal) implements DelegatedOutcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R fold(Function<Opened, R> opened, Function<NotEnrolled, R> notEnrolled, Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }
}
