package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxLimits.QuotaTable;
import java.util.Optional;

/**
 * Quota units per Gmail method, from Gmail's usage-limits tables
 * (https://developers.google.com/workspace/gmail/api/reference/quota), charged by method and, under the 2026
 * table, by {@code format}. A batch of n calls costs its n calls. The tables also give history.list 2 units;
 * the sandbox serves no history method.
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
            default -> throw new IllegalArgumentException("not a Gmail method: " + endpoint);
        };
    }
}
