package dev.gmailserverauth.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The people in a group of the Workspace domain, or why the group could not be read. */
public sealed interface GroupMembership {

    <R> R fold(Function<Listed, R> listed, Function<Refused, R> refused);

    /**
     * The member addresses that name people (the domain's users and addresses outside it), nested groups' members
     * included; the groups themselves are not listed. Whether each is a user of the domain is the directory's to say.
     */
    record Listed(EmailAddress group, List<EmailAddress> members) implements GroupMembership {
        public Listed {
            Objects.requireNonNull(group, "group");
            members = List.copyOf(members);
        }

        @Override
        public <R> R fold(Function<Listed, R> listed, Function<Refused, R> refused) {
            return listed.apply(this);
        }
    }

    /** No such group, or the directory refused to list it; the explanation says what to do. */
    record Refused(String explanation) implements GroupMembership {
        public Refused {
            Objects.requireNonNull(explanation, "explanation");
        }

        @Override
        public <R> R fold(Function<Listed, R> listed, Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }
}
