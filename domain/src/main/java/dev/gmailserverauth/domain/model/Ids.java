package dev.gmailserverauth.domain.model;

/** The shape shared by Gmail's message, thread and label ids. */
final class Ids {
    private static final int MAX_LENGTH = 128;

    private Ids() {
    }

    static boolean isWellFormed(String id) {
        return id.length() <= MAX_LENGTH
                && id.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-');
    }
}
