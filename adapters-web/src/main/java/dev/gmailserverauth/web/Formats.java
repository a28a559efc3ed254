package dev.gmailserverauth.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How dates read on pages: UTC, minutes, e.g. {@code 2026-03-05 14:02}. */
final class Formats {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String utc(Instant instant) {
        return MINUTES.format(instant);
    }
}
