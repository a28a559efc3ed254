package dev.gmailserverauth.domain.model;

import java.util.Objects;

/**
 * Whose mailbox a {@link dev.gmailserverauth.domain.port.Mailbox} call reads, and the access token it reads it
 * with. The user outlives the token (Google's access tokens last an hour), so what an adapter learns about a
 * person's limits is kept under {@link #user()}, never under the token.
 */
public record MailboxAccess(UserId user, AccessToken token) {
    public MailboxAccess {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "MailboxAccess[user=" + user.value() + ", token=***]";
    }
}
