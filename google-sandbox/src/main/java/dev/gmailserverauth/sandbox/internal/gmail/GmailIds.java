package dev.gmailserverauth.sandbox.internal.gmail;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** Gmail-like ids: 16 lowercase hex chars, time-ordered (epoch millis in the high bits), as Google's look. */
final class GmailIds {
    private GmailIds() {}

    public static String messageId(Instant date, RandomGenerator random) {
        long millis = Math.max(0, date.toEpochMilli()) & ((1L << 43) - 1);
        long value = (millis << 20) | random.nextInt(1 << 20);
        return String.format("%016x", value);
    }

    public static boolean isValid(String id) {
        return id != null && id.matches("[0-9a-f]{16}");
    }

    /** Syntax Gmail accepts for an id: hex, at most 16 digits (else 400 "Invalid id value"). */
    public static boolean isWellFormed(String id) {
        return id != null && id.matches("(?i)[0-9a-f]{1,16}");
    }

    /** The canonical form of a well-formed id (Gmail ids are numbers: leading zeros and case do not matter). */
    public static String canonical(String id) {
        return String.format("%016x", Long.parseUnsignedLong(id, 16));
    }
}
