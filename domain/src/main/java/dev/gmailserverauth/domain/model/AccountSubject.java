package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The person a security event is about, as its {@code subject} names them: {@code iss-sub} gives the Google
 * account id ({@code sub}, the id userinfo gives), {@code id_token_claims} gives {@code sub} and may add
 * {@code email}. At least one is present. The id decides when there is one; the email finds the person only
 * when the subject carries no id.
 */
public record AccountSubject(Optional<UserId> id, Optional<EmailAddress> email) {

    public AccountSubject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        if (id.isEmpty() && email.isEmpty()) throw new IllegalArgumentException("a subject names an account id or an email");
    }

    /** An {@code iss-sub} subject. */
    public static AccountSubject of(UserId id) {
        return new AccountSubject(Optional.of(id), Optional.empty());
    }
}
