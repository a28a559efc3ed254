package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox of the Workspace domain that an operator enrolled for reading through domain-wide delegation, with the
 * last access token minted for it (there is no refresh token: a new one is minted when this one nears its end).
 */
public record EnrolledMailbox(UserId user, EmailAddress email, Instant enrolledAt, Optional<ExpiringAccessToken> accessToken) {
    public EnrolledMailbox {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    public static EnrolledMailbox enrolled(UserId user, EmailAddress email, Instant at) {
        return new EnrolledMailbox(user, email, at, Optional.empty());
    }

    public EnrolledMailbox withToken(ExpiringAccessToken token) {
        return new EnrolledMailbox(user, email, enrolledAt, Optional.of(token));
    }
}
