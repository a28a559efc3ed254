package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SyncStates;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** How the syncs stand, for the person ({@code GET /api/sync}) and for operators ({@code sync status}); never calls Google. */
public final class DescribeSync {
    private final SyncStates states;

    public DescribeSync(SyncStates states) {
        this.states = Objects.requireNonNull(states);
    }

    /** Whose sync to describe. */
    public sealed interface Whose {
        <R> R fold(Function<Person, R> person, Function<Address, R> address, Function<Everyone, R> everyone);

        /** The signed-in person's. */
        record Person(UserId user) implements Whose {
            @Override
            public <R> R fold(Function<Person, R> person, Function<Address, R> address, Function<Everyone, R> everyone) {
                return person.apply(this);
            }
        }

        /** The account with this address (an operator's {@code --user}). */
        record Address(EmailAddress email) implements Whose {
            @Override
            public <R> R fold(Function<Person, R> person, Function<Address, R> address, Function<Everyone, R> everyone) {
                return address.apply(this);
            }
        }

        record Everyone() implements Whose {
            @Override
            public <R> R fold(Function<Person, R> person, Function<Address, R> address, Function<Everyone, R> everyone) {
                return everyone.apply(this);
            }
        }
    }

    /** The matching syncs, by address; empty when none. */
    public List<SyncState> describe(Whose whose) {
        return whose.fold(
                person -> states.find(person.user()).stream().toList(),
                address -> states.findByEmail(address.email()).stream().toList(),
                everyone -> states.all());
    }

    /** The one sync of the signed-in person, if they have one. */
    public Optional<SyncState> of(UserId user) {
        return describe(new Whose.Person(user)).stream().findFirst();
    }
}
