package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/** What the token endpoint answered: an access token, maybe a refresh token, the scopes granted. */
public record TokenGrant(ExpiringAccessToken accessToken, Optional<RefreshToken> refreshToken, Scopes grantedScopes) {
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(grantedScopes, "grantedScopes");
    }
}
