package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.DirectoryUser;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What an enrolment did, or why the domain's directory could not be read. */
public sealed interface Enrolment {

    <R> R fold(Function<Done, R> done, Function<DirectoryRefused, R> refused);

    /**
     * @param enrolled        newly enrolled mailboxes
     * @param alreadyEnrolled asked for and already enrolled (left as they were)
     * @param skipped         users whose mailbox cannot be read (suspended, archived, no mailbox), not enrolled
     * @param notInDirectory  addresses asked for that the domain's directory does not list
     */
    record Done(List<EnrolledMailbox> enrolled, List<EnrolledMailbox> alreadyEnrolled, List<DirectoryUser> skipped,
                List<EmailAddress> notInDirectory) implements Enrolment {
        public Done {
            enrolled = List.copyOf(enrolled);
            alreadyEnrolled = List.copyOf(alreadyEnrolled);
            skipped = List.copyOf(skipped);
            notInDirectory = List.copyOf(notInDirectory);
        }

        @Override
        public <R> R fold(Function<Done, R> done, Function<DirectoryRefused, R> refused) {
            return done.apply(this);
        }
    }

    record DirectoryRefused(String explanation) implements Enrolment {
        public DirectoryRefused {
            Objects.requireNonNull(explanation, "explanation");
        }

        @Override
        public <R> R fold(Function<Done, R> done, Function<DirectoryRefused, R> refused) {
            return refused.apply(this);
        }
    }
}
