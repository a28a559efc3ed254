package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.Endpoint;

/**
 * Quota units per Gmail method, from Gmail's usage-limits table
 * (https://developers.google.com/workspace/gmail/api/reference/quota). A batch of n calls costs its n calls.
 */
public final class QuotaUnits {
    private QuotaUnits() {}

    public static int of(Endpoint endpoint) {
        return switch (endpoint) {
            case MESSAGES_LIST, MESSAGES_GET, ATTACHMENTS_GET -> 5;
            case THREADS_LIST, THREADS_GET -> 10;
            case LABELS_LIST, LABELS_GET, PROFILE -> 1;
            case HISTORY_LIST -> 2;
            case WATCH -> 100;
            case STOP -> 50;
            default -> throw new IllegalArgumentException("not a Gmail method: " + endpoint);
        };
    }
}
