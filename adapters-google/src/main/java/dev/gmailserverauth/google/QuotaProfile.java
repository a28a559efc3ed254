package dev.gmailserverauth.google;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One of Gmail's quota tables (<a href="https://developers.google.com/workspace/gmail/api/reference/quota">Usage
 * limits</a>): the per-user budget a project gets, and what each method costs in quota units, by method and by
 * {@code format}. Which table a project has depends on when it was created; see docs/google.md "Quota tables".
 */
public enum QuotaProfile {
    /**
     * The long-standing table: 15,000 units per user per minute; {@code messages.get} 5 units whatever the format,
     * {@code threads.get} 10.
     */
    LEGACY("legacy", 15_000, Map.ofEntries(
            Map.entry(GmailMethod.MESSAGES_LIST, Cost.flat(5)),
            Map.entry(GmailMethod.MESSAGES_GET, Cost.flat(5)),
            Map.entry(GmailMethod.MESSAGES_ATTACHMENTS_GET, Cost.flat(5)),
            Map.entry(GmailMethod.THREADS_LIST, Cost.flat(10)),
            Map.entry(GmailMethod.THREADS_GET, Cost.flat(10)),
            Map.entry(GmailMethod.LABELS_LIST, Cost.flat(1)),
            Map.entry(GmailMethod.LABELS_GET, Cost.flat(1)),
            Map.entry(GmailMethod.GET_PROFILE, Cost.flat(1)),
            Map.entry(GmailMethod.HISTORY_LIST, Cost.flat(2)),
            Map.entry(GmailMethod.WATCH, Cost.flat(100)),
            Map.entry(GmailMethod.STOP, Cost.flat(50)))),
    /**
     * Projects created on or after 2026-05-01: 6,000 units per user per minute; {@code messages.get} and
     * {@code messages.attachments.get} 20 units (on Google's page), a {@code messages.get} that reads bodies
     * ({@code format=full} or {@code raw}) 60 (in a later rendition of the page, not yet in English), and
     * {@code threads.get} 40 (reported by third parties, not on Google's page). The unconfirmed rows are budgeted
     * at the higher, reported cost: paced too slowly, a page waits; paced too fast, Google refuses it.
     */
    NEW_PROJECT_2026("2026", 6_000, Map.ofEntries(
            Map.entry(GmailMethod.MESSAGES_LIST, Cost.flat(5)),
            Map.entry(GmailMethod.MESSAGES_GET, new Cost(20, 60)),
            Map.entry(GmailMethod.MESSAGES_ATTACHMENTS_GET, Cost.flat(20)),
            Map.entry(GmailMethod.THREADS_LIST, Cost.flat(10)),
            Map.entry(GmailMethod.THREADS_GET, Cost.flat(40)),
            Map.entry(GmailMethod.LABELS_LIST, Cost.flat(1)),
            Map.entry(GmailMethod.LABELS_GET, Cost.flat(1)),
            Map.entry(GmailMethod.GET_PROFILE, Cost.flat(1)),
            Map.entry(GmailMethod.HISTORY_LIST, Cost.flat(2)),
            Map.entry(GmailMethod.WATCH, Cost.flat(100)),
            Map.entry(GmailMethod.STOP, Cost.flat(50))));

    /** What one call costs: {@code units}, or {@code bodyUnits} when it asks for bodies. */
    private record Cost(int units, int bodyUnits) {
        static Cost flat(int units) {
            return new Cost(units, units);
        }
    }

    private final String id;
    private final int unitsPerMinute;
    private final Map<GmailMethod, Cost> costs;

    QuotaProfile(String id, int unitsPerMinute, Map<GmailMethod, Cost> costs) {
        this.id = id;
        this.unitsPerMinute = unitsPerMinute;
        this.costs = new EnumMap<>(costs);
        for (GmailMethod method : GmailMethod.values()) {
            if (!this.costs.containsKey(method)) throw new IllegalStateException(id + " table has no cost for " + method.label());
        }
    }

    /** As {@code GMAIL_QUOTA_PROFILE} names it: {@code legacy} or {@code 2026}. */
    public String id() {
        return id;
    }

    /** The per-user budget a project of this table gets. */
    public int unitsPerMinute() {
        return unitsPerMinute;
    }

    /** The table named {@code id} ({@code legacy} or {@code 2026}). */
    public static Optional<QuotaProfile> byId(String id) {
        for (QuotaProfile profile : values()) if (profile.id.equals(id)) return Optional.of(profile);
        return Optional.empty();
    }

    /** Quota units one call of {@code method} with {@code format} costs. */
    int units(GmailMethod method, MessageFormat format) {
        Cost cost = costs.get(method);
        return format.readsBodies() ? cost.bodyUnits() : cost.units();
    }
}
