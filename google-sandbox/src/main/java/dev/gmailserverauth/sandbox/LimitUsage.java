package dev.gmailserverauth.sandbox;

/**
 * What one user has spent of the {@link SandboxLimits} since they were last reset.
 *
 * @param unitsLastMinute quota units charged in the rolling minute that ends now
 * @param unitsTotal quota units charged since the last reset
 * @param quotaRefusals calls refused because the minute's quota was spent
 * @param concurrencyRefusals calls (or batch parts) refused because too many of the user's calls were running
 * @param inFlight the user's calls running now
 * @param peakConcurrency the most of the user's calls that ran at once
 */
public record LimitUsage(long unitsLastMinute, long unitsTotal, long quotaRefusals, long concurrencyRefusals,
                         int inFlight, int peakConcurrency) {
    public static final LimitUsage NONE = new LimitUsage(0, 0, 0, 0, 0, 0);

    public LimitUsage {
        if (unitsLastMinute < 0 || unitsTotal < 0 || quotaRefusals < 0 || concurrencyRefusals < 0 || inFlight < 0 || peakConcurrency < 0) {
            throw new IllegalArgumentException("usage counts are never negative");
        }
    }

    /** Refusals of both kinds. */
    public long refusals() {
        return quotaRefusals + concurrencyRefusals;
    }
}
