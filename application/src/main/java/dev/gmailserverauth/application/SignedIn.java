package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a live session belongs to: the person, the Google account they signed in with, and every account
 * linked to them (the first linked first; never empty).
 */
public record SignedIn(PersonId person, UserId signedInWith, List<LinkedAccount> accounts) {
    public SignedIn {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(signedInWith, "signedInWith");
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) throw new IllegalArgumentException("a signed-in person has at least one account");
        if (accounts.stream().anyMatch(a -> !a.person().equals(person))) throw new IllegalArgumentException("an account of another person");
    }

    /**
     * The account a page shows when its address names none: the one the person signed in with, or, once that
     * one is disconnected, their first linked account.
     */
    public UserId defaultAccount() {
        return accounts.stream().map(LinkedAccount::account).filter(signedInWith::equals).findFirst()
                .orElse(accounts.get(0).account());
    }

    /** The person's account named by its Google id or its address; empty for anyone else's, as for one that does not exist. */
    public Optional<LinkedAccount> account(String idOrEmail) {
        return accounts.stream().filter(a -> a.isNamedBy(idOrEmail)).findFirst();
    }
}
