package dev.gmailserverauth.domain.event;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An event's unique id, sent as {@code webhook-id} (the same on every retry, so receivers deduplicate by it) and in
 * every event's body: {@code evt_} and 22 URL-safe characters (128 random bits). (An event stream's SSE {@code id} is
 * the event's {@link AccountEvent#position()}, which orders and resumes.)
 */
public record EventId(String value) {
    private static final String PREFIX = "evt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public EventId {
        if (value == null || !value.startsWith(PREFIX) || value.length() != PREFIX.length() + 22
                || !value.substring(PREFIX.length()).chars().allMatch(EventId::isUrlSafe)) {
            throw new IllegalArgumentException("not an event id");
        }
    }

    public static EventId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new EventId(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static boolean isUrlSafe(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
