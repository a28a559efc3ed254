package dev.gmailserverauth.domain.model;

/** An opaque continuation token handed out by the mailbox for the next page. */
public record PageToken(String value) {
    private static final int MAX_LENGTH = 512;

    public PageToken {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("page token is blank");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("page token is too long");
        if (!value.chars().allMatch(c -> c > ' ' && c < 127)) throw new IllegalArgumentException("page token is malformed");
    }
}
