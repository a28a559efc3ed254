package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the application keeps for one user to act while they are away: the refresh token, the last
 * access token, what was granted, and, when the person granted time-limited access (or the client is in
 * Google's "Testing" status), the instant the refresh token stops working.
 */
public record StoredCredential(
        UserId userId,
        EmailAddress email,
        RefreshToken refreshToken,
        Optional<ExpiringAccessToken> accessToken,
        Scopes grantedScopes,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> refreshTokenExpiresAt) {

    public StoredCredential {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(grantedScopes, "grantedScopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
        if (updatedAt.isBefore(createdAt)) throw new IllegalArgumentException("updatedAt is before createdAt");
    }

    /** A credential whose refresh token has no announced end. */
    public StoredCredential(UserId userId, EmailAddress email, RefreshToken refreshToken, Optional<ExpiringAccessToken> accessToken,
                            Scopes grantedScopes, Instant createdAt, Instant updatedAt) {
        this(userId, email, refreshToken, accessToken, grantedScopes, createdAt, updatedAt, Optional.empty());
    }

    /** True when Google announced an end for the refresh token (time-limited access, or a client in "Testing"). */
    public boolean isTimeLimited() {
        return refreshTokenExpiresAt.isPresent();
    }

    /** True once the refresh token's announced end has come: refreshing can only fail, only consent helps. */
    public boolean refreshTokenExpiredAt(Instant now) {
        return refreshTokenExpiresAt.map(end -> !now.isBefore(end)).orElse(false);
    }

    /**
     * The same credential after a refresh: a new access token, a new refresh token if Google rotated it,
     * and the refresh token's end as the answer announced it (kept when the answer is silent about it).
     */
    public StoredCredential refreshedWith(TokenGrant grant, Instant now) {
        return new StoredCredential(
                userId,
                email,
                grant.refreshToken().orElse(refreshToken),
                Optional.of(grant.accessToken()),
                grant.grantedScopes().values().isEmpty() ? grantedScopes : grant.grantedScopes(),
                createdAt,
                now.isBefore(createdAt) ? createdAt : now,
                grant.refreshTokenExpiresAt().or(() -> refreshTokenExpiresAt));
    }
}
