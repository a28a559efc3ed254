package dev.gmailserverauth.web.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates read on pages: UTC, minutes, e.g. {@code 2026-03-05 14:02}. */
public final class Formats {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SPELLED = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String utc(Instant instant) {
        return MINUTES.format(instant);
    }

    /** A file size as people read it: {@code 812 bytes}, {@code 14 KB}, {@code 2.4 MB} (units of 1024). */
    public static String size(long bytes) {
        if (bytes < 1024) return bytes == 1 ? "1 byte" : bytes + " bytes";
        if (bytes < 1024 * 1024) return Math.round(bytes / 1024.0) + " KB";
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** A date a person reads in a sentence: {@code Wed 2 Dec 2026, 10:00 UTC}. */
    public static String utcLong(Instant instant) {
        return SPELLED.format(instant);
    }

    /** The time of day to the second, UTC, e.g. {@code 14:02:31}. */
    public static String utcSeconds(Instant instant) {
        return SECONDS.format(instant);
    }

    /** A wait as a person says it: "1 second", "42 seconds", "about 2 minutes". */
    public static String waitInWords(long seconds) {
        if (seconds < 90) return seconds + (seconds == 1 ? " second" : " seconds");
        long minutes = Math.round(seconds / 60.0);
        return "about " + minutes + " minutes";
    }

    /** How long ago, as a page says it: "12 s ago", "4 min ago", "3 h ago". */
    public static String agoInWords(long seconds) {
        if (seconds < 60) return seconds + " s ago";
        if (seconds < 3600) return seconds / 60 + " min ago";
        return seconds / 3600 + " h ago";
    }

    /** The name part of a {@code From} header ({@code "Olivia Chen" <olivia@example.org>} → {@code Olivia Chen}), else the address. */
    public static String senderName(String from) {
        String trimmed = from.strip();
        int angle = trimmed.indexOf('<');
        if (angle <= 0) return trimmed.replace("<", "").replace(">", "");
        String name = trimmed.substring(0, angle).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1).strip();
        return name.isEmpty() ? trimmed : name;
    }
}
