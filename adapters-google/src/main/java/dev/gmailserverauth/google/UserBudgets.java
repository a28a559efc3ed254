package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.model.AccessToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link UserBudget}s of this instance, one per user.
 *
 * <p>The port names the user by the access token its calls carry. In one instance every request of a user,
 * web or API, uses that user's one stored token (the application refreshes it single-flight), so the token
 * stands for the user. When it is refreshed, the new token starts a fresh budget: for the few seconds in which
 * calls with the old one are still running the two overlap, and a spent quota is learnt again by one refused
 * call. Budgets are keyed by a SHA-256 of the token, so no token is kept here, and dropped once idle for two
 * quota windows.
 */
final class UserBudgets {
    private final GmailLimits limits;
    private final RetryPolicy policy;
    private final Clock clock;
    private final GoogleCallListener listener;
    private final ConcurrentMap<String, UserBudget> byToken = new ConcurrentHashMap<>();
    private volatile Instant nextSweep;

    UserBudgets(GmailLimits limits, RetryPolicy policy, Clock clock, GoogleCallListener listener) {
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
        this.listener = listener;
        this.nextSweep = clock.instant().plus(limits.quotaWindow());
    }

    UserBudget of(AccessToken token) {
        sweepIfDue();
        return byToken.computeIfAbsent(key(token), k -> new UserBudget(limits, policy, clock, listener));
    }

    int size() {
        return byToken.size();
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) return;
        nextSweep = now.plus(limits.quotaWindow());
        Instant cutoff = now.minus(limits.quotaWindow().multipliedBy(2));
        byToken.values().removeIf(budget -> budget.idleSince(cutoff));
    }

    private static String key(AccessToken token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
