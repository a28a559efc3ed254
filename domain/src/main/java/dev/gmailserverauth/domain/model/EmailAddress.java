package dev.gmailserverauth.domain.model;

/** An email address as Google reports it; only its basic shape is checked, and it holds no control character. */
public record EmailAddress(String value) {
    private static final int MAX_LENGTH = 320;

    public EmailAddress {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("email address is blank");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("email address is longer than " + MAX_LENGTH);
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1
                || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("not an email address");
        }
    }
}
