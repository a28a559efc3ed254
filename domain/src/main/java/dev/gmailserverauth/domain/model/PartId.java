package dev.gmailserverauth.domain.model;

/**
 * Where a part sits in a message's MIME tree, numbered as Gmail numbers parts: {@code 0}, {@code 1},
 * {@code 0.1}. It stays the same for as long as the message exists, unlike Gmail's attachment ids, which
 * change with every {@code messages.get}; so links to an attachment name its part.
 */
public record PartId(String value) {
    private static final int MAX_LENGTH = 64;

    public PartId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("part id is blank");
        if (value.length() > MAX_LENGTH || !isDottedNumber(value)) throw new IllegalArgumentException("part id is malformed");
    }

    private static boolean isDottedNumber(String value) {
        boolean digitBefore = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if (c == '.' && digitBefore) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }
}
