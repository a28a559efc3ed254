package dev.gmailserverauth.persistence.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored credential as an operator sees it: who, what was granted, when, and nothing secret.
 *
 * @param connectedAt         when the credential was first stored
 * @param lastRefreshAt       when it was last written (a sign-in or a token refresh)
 * @param accessTokenExpiry   when the stored access token expires; empty when none is stored
 * @param accessEndsAt        when a time-limited grant ends (Google's {@code refresh_token_expires_in}); empty when it does not
 * @param activeSessions      browser sessions of this user that have not expired
 */
public record StoredAccount(String userId, String email, String scopes, Instant connectedAt, Instant lastRefreshAt,
                            Optional<Instant> accessTokenExpiry, Optional<Instant> accessEndsAt, int activeSessions, String keyId) {
    public StoredAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(lastRefreshAt, "lastRefreshAt");
        Objects.requireNonNull(accessTokenExpiry, "accessTokenExpiry");
        Objects.requireNonNull(accessEndsAt, "accessEndsAt");
        Objects.requireNonNull(keyId, "keyId");
    }

    public StoredAccount withActiveSessions(int count) {
        return new StoredAccount(userId, email, scopes, connectedAt, lastRefreshAt, accessTokenExpiry, accessEndsAt, count, keyId);
    }
}
