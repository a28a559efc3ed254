package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/** Who is making a request: the session cookie's token (if well formed) and the user it belongs to (if alive). */
public record Visitor(Optional<SessionToken> token, Optional<UserId> user) {
    static final Visitor ANONYMOUS = new Visitor(Optional.empty(), Optional.empty());

    public Visitor {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
    }

    public boolean signedIn() {
        return user.isPresent();
    }

    /** The user, or a {@link Failure.NotSignedIn} that sends the browser to sign in. */
    public UserId requireUser() {
        return user.orElseThrow(Failure.NotSignedIn::new);
    }

    /** The CSRF token for forms on this visitor's pages; empty when not signed in. */
    String csrfToken() {
        return user.isPresent() ? token.map(Csrf::tokenFor).orElse("") : "";
    }
}
