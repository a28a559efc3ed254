package dev.gmailserverauth.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The Workspace domain's users, or why the directory could not be read. */
public sealed interface DirectoryListing {

    <R> R fold(Function<Listed, R> listed, Function<Refused, R> refused);

    /** Every user of the domain, suspended ones included (the caller decides what to skip). */
    record Listed(List<DirectoryUser> users) implements DirectoryListing {
        public Listed {
            users = List.copyOf(users);
        }

        @Override
        public <R> R fold(Function<Listed, R> listed, Function<Refused, R> refused) {
            return listed.apply(this);
        }
    }

    /** The directory refused the administrator's token, or the token itself was refused; the explanation says what to do. */
    record Refused(String explanation) implements DirectoryListing {
        public Refused {
            Objects.requireNonNull(explanation, "explanation");
        }

        @Override
        public <R> R fold(Function<Listed, R> listed, Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }
}
