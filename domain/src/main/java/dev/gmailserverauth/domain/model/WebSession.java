package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser: the person, the Google account they signed in with ({@code userId}), since when,
 * until when.
 */
public record WebSession(SessionKey key, PersonId person, UserId userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    public WebSession {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) throw new IllegalArgumentException("session expires before it starts");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
