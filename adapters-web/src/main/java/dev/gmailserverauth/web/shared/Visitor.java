package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.application.SignedIn;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is making a request: the session cookie's token (if well formed), the person it belongs to (if alive),
 * and the {@code account} the address names, if any (a Google account id or address). The account a page or
 * API call reads is the named one, or, when none is named, the one the person signed in with.
 */
public record Visitor(Optional<SessionToken> token, Optional<SignedIn> person, Optional<String> namedAccount) {
    static final Visitor ANONYMOUS = new Visitor(Optional.empty(), Optional.empty(), Optional.empty());

    public Visitor {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(namedAccount, "namedAccount");
    }

    public boolean signedIn() {
        return person.isPresent();
    }

    public Optional<PersonId> personId() {
        return person.map(SignedIn::person);
    }

    /** The signed-in person, or a {@link Failure.NotSignedIn} that sends the browser to sign in. */
    public SignedIn requirePerson() {
        return person.orElseThrow(Failure.NotSignedIn::new);
    }

    /** The account this request reads; empty when not signed in or when the address names none of the person's accounts. */
    public Optional<UserId> user() {
        return account().map(LinkedAccount::account);
    }

    /** The linked account this request reads (see {@link #user()}). */
    public Optional<LinkedAccount> account() {
        return person.flatMap(p -> namedAccount.map(p::account).orElseGet(() -> p.account(p.defaultAccount().value())));
    }

    /**
     * The account this request reads, or a {@link Failure.NotSignedIn}; an {@code account} that is not the
     * person's is a 404, the same as one that does not exist.
     */
    public UserId requireUser() {
        requirePerson();
        return user().orElseThrow(() -> new Failure.NotFound("You have no linked Google account " + namedAccount.orElse("") + "."));
    }

    /** The account the address names explicitly, when it is the person's: every link on the page keeps it. */
    public Optional<UserId> keptAccount() {
        return namedAccount.isPresent() ? user() : Optional.empty();
    }

    /** The CSRF token for forms on this visitor's pages; empty when not signed in. */
    String csrfToken() {
        return person.isPresent() ? token.map(Csrf::tokenFor).orElse("") : "";
    }
}
