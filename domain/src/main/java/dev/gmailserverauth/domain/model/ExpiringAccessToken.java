package dev.gmailserverauth.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An access token together with the instant it stops working. */
public record ExpiringAccessToken(AccessToken token, Instant expiresAt) {
    public ExpiringAccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True while the token stays valid for at least {@code margin} after {@code now}. */
    public boolean isUsableAt(Instant now, Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }
}
