package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A Google account linked to a person. The link outlives the account's credential: when a grant ends,
 * the account stays linked and needs reconnecting; only a disconnect unlinks it.
 */
public record LinkedAccount(UserId account, EmailAddress email, PersonId person, Instant linkedAt) {
    public LinkedAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }

    /** Whether {@code idOrEmail} names this account: its Google id, or its address (case-insensitive). */
    public boolean isNamedBy(String idOrEmail) {
        return account.value().equals(idOrEmail) || email.value().equalsIgnoreCase(idOrEmail);
    }
}
