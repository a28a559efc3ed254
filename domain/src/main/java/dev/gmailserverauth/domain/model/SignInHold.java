package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Signing in with this Google account is refused: Google reported it hijacked ({@code account-disabled},
 * reason {@code hijacking}). Lifted only when Google sends {@code account-enabled}.
 */
public record SignInHold(UserId userId, String reason, Instant since) {
    public SignInHold {
        Objects.requireNonNull(userId, "userId");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("hold reason is blank");
        if (reason.length() > HistoryEntry.MAX_DETAIL_LENGTH) throw new IllegalArgumentException("hold reason is too long");
        Objects.requireNonNull(since, "since");
    }
}
