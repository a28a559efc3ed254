package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Driven port for remembering which person each Google account belongs to. A Google account belongs to
 * at most one person, and {@link #link} decides that atomically across instances: of two people linking the
 * same account at once, one gets it and the other is told whose it is.
 */
public interface LinkedAccounts {

    /**
     * Links the account to its person unless it is linked already. Linking an account again to the same
     * person updates its address and keeps when it was first linked; an account of another person is left
     * as it is.
     */
    Linking link(LinkedAccount account);

    Optional<LinkedAccount> find(UserId account);

    /** The person's accounts, the first linked first. */
    List<LinkedAccount> accountsOf(PersonId person);

    /** Every link, grouped by person, each person's first linked first (for operators). */
    List<LinkedAccount> all();

    /** Unlinks the account; true when it was linked. */
    boolean unlink(UserId account);

    /** How a {@link #link} ended. */
    sealed interface Linking {
        /** Takes this outcome apart: exactly one function runs, the one for its case. */
        <R> R fold(Function<Linked, R> linked, Function<AlreadyLinked, R> alreadyLinked, Function<LinkedElsewhere, R> linkedElsewhere);

        /** The account was not linked; now it is this person's. */
        record Linked(LinkedAccount account) implements Linking {
            public Linked {
                Objects.requireNonNull(account, "account");
            }

            @Override
            public <R> R fold(Function<Linked, R> linked, Function<AlreadyLinked, R> alreadyLinked, Function<LinkedElsewhere, R> linkedElsewhere) {
                return linked.apply(this);
            }
        }

        /** The account was this person's already. */
        record AlreadyLinked(LinkedAccount account) implements Linking {
            public AlreadyLinked {
                Objects.requireNonNull(account, "account");
            }

            @Override
            public <R> R fold(Function<Linked, R> linked, Function<AlreadyLinked, R> alreadyLinked, Function<LinkedElsewhere, R> linkedElsewhere) {
                return alreadyLinked.apply(this);
            }
        }

        /** The account is another person's; nothing changed. */
        record LinkedElsewhere(PersonId owner) implements Linking {
            public LinkedElsewhere {
                Objects.requireNonNull(owner, "owner");
            }

            @Override
            public <R> R fold(Function<Linked, R> linked, Function<AlreadyLinked, R> alreadyLinked, Function<LinkedElsewhere, R> linkedElsewhere) {
                return linkedElsewhere.apply(this);
            }
        }
    }
}
