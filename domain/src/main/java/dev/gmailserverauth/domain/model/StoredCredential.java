package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the application keeps for one user to act while they are away: the refresh token,
 * the last access token, and what was granted.
 */
public record StoredCredential(
        UserId userId,
        EmailAddress email,
        RefreshToken refreshToken,
        Optional<ExpiringAccessToken> accessToken,
        Scopes grantedScopes,
        Instant createdAt,
        Instant updatedAt) {

    public StoredCredential {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(grantedScopes, "grantedScopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) throw new IllegalArgumentException("updatedAt is before createdAt");
    }

    /** The same credential after a refresh: a new access token, and a new refresh token if Google rotated it. */
    public StoredCredential refreshedWith(TokenGrant grant, Instant now) {
        return new StoredCredential(
                userId,
                email,
                grant.refreshToken().orElse(refreshToken),
                Optional.of(grant.accessToken()),
                grant.grantedScopes().values().isEmpty() ? grantedScopes : grant.grantedScopes(),
                createdAt,
                now.isBefore(createdAt) ? createdAt : now);
    }
}
