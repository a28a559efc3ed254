package dev.gmailserverauth.google;

import java.time.Duration;
import java.util.Objects;

/**
 * Gmail's per-user limits as this instance keeps them ("Usage limits",
 * <a href="https://developers.google.com/workspace/gmail/api/reference/quota">developers.google.com/workspace/gmail/api/reference/quota</a>):
 * what each call costs, quota units per user per rolling {@code quotaWindow}, and how many calls of one user may
 * run at once.
 *
 * @param quotaProfile       Google's table of what each method costs ({@link QuotaProfile#LEGACY} or
 *                           {@link QuotaProfile#NEW_PROJECT_2026}); the adapter charges its own budget by it
 * @param unitsPerMinute     the project's per-user quota: 15,000 on Google's long-standing page, 6,000 for
 *                           projects created since May 2026 ({@link #NEW_PROJECT_UNITS_PER_MINUTE}). The adapter
 *                           paces itself below it; Google's own refusals still win when it is set too high.
 * @param quotaWindow        the length of the rolling window the units count over (a minute at Google; shorter
 *                           only to run benchmarks against a sandbox whose clock runs fast)
 * @param concurrentRequests the most calls of one user in flight at once, batch parts counted one by one; also
 *                           the largest batch. Google does not publish the number and advises batches of at most 50.
 * @param startingConcurrency how many calls of a person the adapter lets run at once before it has learnt more
 *                           ({@link #STARTING_CONCURRENCY}; at most {@code concurrentRequests}): it drops to what
 *                           Google accepted when Google refuses calls as too many at once, and grows towards
 *                           {@code concurrentRequests} while Google accepts them all
 * @param concurrencyPause   the first pause after Google refused calls as too many at once (doubled while it goes on)
 */
public record GmailLimits(QuotaProfile quotaProfile, int unitsPerMinute, Duration quotaWindow, int concurrentRequests, int startingConcurrency,
                          Duration concurrencyPause) {
    public static final int DEFAULT_UNITS_PER_MINUTE = 15_000;
    public static final int NEW_PROJECT_UNITS_PER_MINUTE = 6_000;
    /** The Gmail batching guide: "sending batches larger than 50 requests is not recommended". */
    public static final int MAX_BATCH = 50;

    /**
     * Where a person's concurrency starts: below the smallest batch seen partly refused as "Too many concurrent
     * requests for user" (25 calls), so that a first page is rarely refused; see decision 0043.
     */
    public static final int STARTING_CONCURRENCY = 20;

    /** The long-standing table and its 15,000 units per user per minute. */
    public static final GmailLimits DEFAULT = of(QuotaProfile.LEGACY);

    public GmailLimits {
        Objects.requireNonNull(quotaProfile, "quota profile");
        if (unitsPerMinute < 1) throw new IllegalArgumentException("units per minute must be at least 1");
        Objects.requireNonNull(quotaWindow, "quota window");
        if (quotaWindow.isZero() || quotaWindow.isNegative()) throw new IllegalArgumentException("quota window must be positive");
        if (concurrentRequests < 1 || concurrentRequests > MAX_BATCH) {
            throw new IllegalArgumentException("concurrent requests must be between 1 and " + MAX_BATCH);
        }
        if (startingConcurrency < 1 || startingConcurrency > concurrentRequests) {
            throw new IllegalArgumentException("starting concurrency must be between 1 and the " + concurrentRequests + " concurrent requests");
        }
        Objects.requireNonNull(concurrencyPause, "concurrency pause");
        if (concurrencyPause.isNegative()) throw new IllegalArgumentException("concurrency pause is negative");
    }

    /** A project with {@code profile}'s table and per-user budget. */
    public static GmailLimits of(QuotaProfile profile) {
        return new GmailLimits(profile, profile.unitsPerMinute(), Duration.ofMinutes(1), MAX_BATCH, STARTING_CONCURRENCY, Duration.ofMillis(100));
    }

    public GmailLimits withUnitsPerMinute(int units) {
        return new GmailLimits(quotaProfile, units, quotaWindow, concurrentRequests, startingConcurrency, concurrencyPause);
    }

    public GmailLimits withQuotaWindow(Duration window) {
        return new GmailLimits(quotaProfile, unitsPerMinute, window, concurrentRequests, startingConcurrency, concurrencyPause);
    }

    /** At most {@code requests} at once; a person starts at no more than that. */
    public GmailLimits withConcurrentRequests(int requests) {
        return new GmailLimits(quotaProfile, unitsPerMinute, quotaWindow, requests, Math.min(startingConcurrency, requests), concurrencyPause);
    }

    public GmailLimits withStartingConcurrency(int requests) {
        return new GmailLimits(quotaProfile, unitsPerMinute, quotaWindow, concurrentRequests, requests, concurrencyPause);
    }

    /** Quota units one call of {@code method} with {@code format} costs under this project's table. */
    int units(GmailMethod method, MessageFormat format) {
        return quotaProfile.units(method, format);
    }
}
