package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** Who granted access, from userinfo v2 ({@code id}, {@code email}). */
public record UserIdentity(UserId userId, EmailAddress email) {
    public UserIdentity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
    }
}
