package dev.gmailserverauth.web;

import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/** Who is making a request: the session cookie's token (if well formed) and the user it belongs to (if alive). */
record Visitor(Optional<SessionToken> token, Optional<UserId> user) {
    static final Visitor ANONYMOUS = new Visitor(Optional.empty(), Optional.empty());

    Visitor {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
    }

    boolean signedIn() {
        return user.isPresent();
    }

    /** The user, or a {@link Failure.NotSignedIn} that sends the browser to sign in. */
    UserId requireUser() {
        return user.orElseThrow(Failure.NotSignedIn::new);
    }

    /** The CSRF token for forms on this visitor's pages; empty when not signed in. */
    String csrfToken() {
        return user.isPresent() ? token.map(Csrf::tokenFor).orElse("") : "";
    }
}
