package dev.gmailserverauth.google;

import java.time.Duration;
import java.util.Objects;

/**
 * Gmail's per-user limits as this instance keeps them ("Usage limits",
 * <a href="https://developers.google.com/workspace/gmail/api/reference/quota">developers.google.com/workspace/gmail/api/reference/quota</a>):
 * quota units per user per rolling {@code quotaWindow}, and how many calls of one user may run at once.
 *
 * @param unitsPerMinute     the project's per-user quota: 15,000 on Google's long-standing page, 6,000 for
 *                           projects created since May 2026 ({@link #NEW_PROJECT_UNITS_PER_MINUTE}). The adapter
 *                           paces itself below it; Google's own refusals still win when it is set too high.
 * @param quotaWindow        the length of the rolling window the units count over (a minute at Google; shorter
 *                           only to run benchmarks against a sandbox whose clock runs fast)
 * @param concurrentRequests the most calls of one user in flight at once, batch parts counted one by one; also
 *                           the largest batch. Google does not publish the number and advises batches of at most 50.
 * @param concurrencyPause   the first pause after Google refused calls as too many at once (doubled while it goes on)
 */
public record GmailLimits(int unitsPerMinute, Duration quotaWindow, int concurrentRequests, Duration concurrencyPause) {
    public static final int DEFAULT_UNITS_PER_MINUTE = 15_000;
    public static final int NEW_PROJECT_UNITS_PER_MINUTE = 6_000;
    /** The Gmail batching guide: "sending batches larger than 50 requests is not recommended". */
    public static final int MAX_BATCH = 50;

    public static final GmailLimits DEFAULT =
            new GmailLimits(DEFAULT_UNITS_PER_MINUTE, Duration.ofMinutes(1), MAX_BATCH, Duration.ofMillis(100));

    public GmailLimits {
        if (unitsPerMinute < 1) throw new IllegalArgumentException("units per minute must be at least 1");
        Objects.requireNonNull(quotaWindow, "quota window");
        if (quotaWindow.isZero() || quotaWindow.isNegative()) throw new IllegalArgumentException("quota window must be positive");
        if (concurrentRequests < 1 || concurrentRequests > MAX_BATCH) {
            throw new IllegalArgumentException("concurrent requests must be between 1 and " + MAX_BATCH);
        }
        Objects.requireNonNull(concurrencyPause, "concurrency pause");
        if (concurrencyPause.isNegative()) throw new IllegalArgumentException("concurrency pause is negative");
    }

    public GmailLimits withUnitsPerMinute(int units) {
        return new GmailLimits(units, quotaWindow, concurrentRequests, concurrencyPause);
    }

    public GmailLimits withQuotaWindow(Duration window) {
        return new GmailLimits(unitsPerMinute, window, concurrentRequests, concurrencyPause);
    }

    public GmailLimits withConcurrentRequests(int requests) {
        return new GmailLimits(unitsPerMinute, quotaWindow, requests, concurrencyPause);
    }
}
