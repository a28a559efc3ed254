package dev.gmailserverauth.sandbox.internal;

/** A Google account of the sandbox. */
public record Account(String id, String email, String displayName) {
    public Account {
        if (id == null || !id.matches("\\d{21}")) throw new IllegalArgumentException("account id must be 21 digits");
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) throw new IllegalArgumentException("invalid email: " + email);
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("display name is blank");
        email = email.toLowerCase(java.util.Locale.ROOT);
    }

    public String givenName() {
        int space = displayName.indexOf(' ');
        return space < 0 ? displayName : displayName.substring(0, space);
    }

    public String familyName() {
        int space = displayName.indexOf(' ');
        return space < 0 ? "" : displayName.substring(space + 1);
    }
}
