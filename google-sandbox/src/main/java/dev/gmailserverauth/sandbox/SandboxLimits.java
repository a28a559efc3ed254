package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Gmail's per-user limits as the sandbox plays them: quota units per user per rolling minute, charged per method
 * as Gmail's usage-limits table does, and a cap on the requests of one user that run at the same time (a batch
 * part holds a slot while it runs, as at Google, where the parts of a batch run in parallel).
 *
 * @param enforced false counts units and concurrency but never refuses a call
 * @param unitsPerMinute quota units one user may spend in any 60 seconds
 * @param concurrentRequests calls (direct or batch parts) of one user that may run at once
 * @param quotaRefusal how a call over the quota is refused
 * @param retryAfter whether a quota refusal carries {@code Retry-After} (Google documents none for Gmail)
 * @param callTime how long each call takes at "Google" while it holds its slot (0 = as fast as the sandbox is)
 * @param quotaTable which of Gmail's per-method tables the units are charged by
 */
public record SandboxLimits(boolean enforced, int unitsPerMinute, int concurrentRequests, QuotaRefusal quotaRefusal,
                            boolean retryAfter, Duration callTime, QuotaTable quotaTable) {
    /** Per-user quota of Gmail's long-standing usage-limits page. */
    public static final int DEFAULT_UNITS_PER_MINUTE = 15_000;
    /** Per-user quota the usage-limits page gives projects created on or after 2026-05-01. */
    public static final int NEW_PROJECT_UNITS_PER_MINUTE = 6_000;
    /** Google publishes no number; parts of 25–50-part batches are observed to be refused when requests overlap. */
    public static final int DEFAULT_CONCURRENT_REQUESTS = 50;

    /** The two answers Google is seen to give when a user's per-minute quota is spent. */
    public enum QuotaRefusal {
        /** 403, {@code errors[0].domain = "usageLimits"}, reason {@code rateLimitExceeded}, status {@code PERMISSION_DENIED}. */
        FORBIDDEN(403),
        /** 429, reason {@code rateLimitExceeded}, status {@code RESOURCE_EXHAUSTED}. */
        TOO_MANY_REQUESTS(429);

        private final int status;

        QuotaRefusal(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** 403 or 429. */
        public static QuotaRefusal ofStatus(int status) {
            for (QuotaRefusal r : values()) if (r.status == status) return r;
            throw new IllegalArgumentException("quota refusal status must be 403 or 429: " + status);
        }
    }

    /** Gmail's per-method quota tables (the units per method and format are in {@code internal.QuotaUnits}). */
    public enum QuotaTable {
        /** The long-standing table: messages.get 5 units whatever the format, threads.get 10. */
        LEGACY,
        /**
         * Projects created on or after 2026-05-01: messages.get and attachments.get 20, a messages.get with
         * {@code format=full} or {@code raw} (Gmail's default is {@code full}) 60, threads.get 40.
         */
        NEW_PROJECT_2026
    }

    public SandboxLimits {
        if (unitsPerMinute < 1) throw new IllegalArgumentException("units per minute must be >= 1: " + unitsPerMinute);
        if (concurrentRequests < 1) throw new IllegalArgumentException("concurrent requests must be >= 1: " + concurrentRequests);
        Objects.requireNonNull(quotaRefusal, "quotaRefusal");
        if (callTime == null || callTime.isNegative()) throw new IllegalArgumentException("call time must be >= 0");
        Objects.requireNonNull(quotaTable, "quotaTable");
    }

    /** On: 15,000 units per user per minute, 50 concurrent requests per user, 403 when over quota, no Retry-After. */
    public static SandboxLimits google() {
        return new SandboxLimits(true, DEFAULT_UNITS_PER_MINUTE, DEFAULT_CONCURRENT_REQUESTS, QuotaRefusal.FORBIDDEN, false, Duration.ZERO,
                QuotaTable.LEGACY);
    }

    /**
     * As {@link #google()} with the 6,000 units per user per minute of projects created since May 2026 (the
     * long-standing per-method table; add {@code withQuotaTable(QuotaTable.NEW_PROJECT_2026)} for the new one).
     */
    public static SandboxLimits newProject() {
        return google().withUnitsPerMinute(NEW_PROJECT_UNITS_PER_MINUTE);
    }

    /** Counted but never enforced. */
    public static SandboxLimits unlimited() {
        return google().withEnforced(false);
    }

    public SandboxLimits withEnforced(boolean on) {
        return new SandboxLimits(on, unitsPerMinute, concurrentRequests, quotaRefusal, retryAfter, callTime, quotaTable);
    }

    public SandboxLimits withUnitsPerMinute(int units) {
        return new SandboxLimits(enforced, units, concurrentRequests, quotaRefusal, retryAfter, callTime, quotaTable);
    }

    public SandboxLimits withConcurrentRequests(int requests) {
        return new SandboxLimits(enforced, unitsPerMinute, requests, quotaRefusal, retryAfter, callTime, quotaTable);
    }

    public SandboxLimits withQuotaRefusal(QuotaRefusal refusal) {
        return new SandboxLimits(enforced, unitsPerMinute, concurrentRequests, refusal, retryAfter, callTime, quotaTable);
    }

    public SandboxLimits withRetryAfter(boolean on) {
        return new SandboxLimits(enforced, unitsPerMinute, concurrentRequests, quotaRefusal, on, callTime, quotaTable);
    }

    public SandboxLimits withCallTime(Duration time) {
        return new SandboxLimits(enforced, unitsPerMinute, concurrentRequests, quotaRefusal, retryAfter, time, quotaTable);
    }

    public SandboxLimits withQuotaTable(QuotaTable table) {
        return new SandboxLimits(enforced, unitsPerMinute, concurrentRequests, quotaRefusal, retryAfter, callTime, table);
    }
}
