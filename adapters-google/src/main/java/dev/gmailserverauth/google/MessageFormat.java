package dev.gmailserverauth.google;

/**
 * The {@code format} of a Gmail {@code messages.get} / {@code threads.get}: what comes back, and, under the 2026
 * quota table, what the call costs ({@link QuotaProfile}). {@link #NONE} for methods that take no format.
 */
enum MessageFormat {
    NONE(""),
    MINIMAL("minimal"),
    METADATA("metadata"),
    FULL("full"),
    RAW("raw");

    private final String value;

    MessageFormat(String value) {
        this.value = value;
    }

    /** The value of the {@code format} parameter. */
    String value() {
        return value;
    }

    /** Whether the call reads bodies: {@code full} and {@code raw}. */
    boolean readsBodies() {
        return this == FULL || this == RAW;
    }
}
