package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxLimits.QuotaTable;
import java.util.Optional;

/**
 * Quota units per Gmail method, from Gmail's usage-limits tables
 * (https://developers.google.com/workspace/gmail/api/reference/quota), charged by method and, under the 2026
 * table, by {@code format}. A batch of n calls costs its n calls. history.list, watch and stop cost the same in
 * both tables (the new table's watch and stop costs are not confirmed by Google: we keep the old ones).
 */
final class QuotaUnits {
    private QuotaUnits() {}

    /** What one call of {@code endpoint} with this {@code format} parameter costs under {@code table}. */
    public static int of(QuotaTable table, Endpoint endpoint, Optional<String> format) {
        return switch (table) {
            case LEGACY -> legacy(endpoint);
            case NEW_PROJECT_2026 -> newProject(endpoint, format);
        };
    }

    private static int legacy(Endpoint endpoint) {
        return switch (endpoint) {
            case MESSAGES_LIST, MESSAGES_GET, ATTACHMENTS_GET -> 5;
            case THREADS_LIST, THREADS_GET -> 10;
            case LABELS_LIST, LABELS_GET, PROFILE -> 1;
            case HISTORY_LIST, WATCH, STOP -> historyAndWatch(endpoint);
            default -> throw new IllegalArgumentException("not a Gmail method: " + endpoint);
        };
    }

    /** Bodies cost more: {@code full} (Gmail's default format) and {@code raw}. */
    private static int newProject(Endpoint endpoint, Optional<String> format) {
        return switch (endpoint) {
            case MESSAGES_GET -> format.map(f -> f.equals("minimal") || f.equals("metadata")).orElse(false) ? 20 : 60;
            case ATTACHMENTS_GET -> 20;
            case THREADS_GET -> 40;
            case MESSAGES_LIST -> 5;
            case THREADS_LIST -> 10;
            case LABELS_LIST, LABELS_GET, PROFILE -> 1;
            case HISTORY_LIST, WATCH, STOP -> historyAndWatch(endpoint);
            default -> throw new IllegalArgumentException("not a Gmail method: " + endpoint);
        };
    }

    private static int historyAndWatch(Endpoint endpoint) {
        return switch (endpoint) {
            case HISTORY_LIST -> 2;
            case WATCH -> 100;
            case STOP -> 50;
            default -> throw new IllegalArgumentException("not a history or watch method: " + endpoint);
        };
    }
}
