package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the token endpoint answered: an access token, maybe a refresh token, the scopes granted, and,
 * for a time-limited grant ({@code refresh_token_expires_in}), when the refresh token stops working.
 */
public record TokenGrant(
        ExpiringAccessToken accessToken,
        Optional<RefreshToken> refreshToken,
        Scopes grantedScopes,
        Optional<Instant> refreshTokenExpiresAt) {

    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(grantedScopes, "grantedScopes");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
    }

    /** A grant whose refresh token (if any) has no announced end. */
    public TokenGrant(ExpiringAccessToken accessToken, Optional<RefreshToken> refreshToken, Scopes grantedScopes) {
        this(accessToken, refreshToken, grantedScopes, Optional.empty());
    }
}
