package dev.gmailserverauth.domain.model;

/**
 * A person: this application's own user, who links one or more Google accounts ({@link UserId}).
 * Sessions belong to a person; credentials, history and holds stay per Google account.
 */
public record PersonId(String value) {
    private static final int MAX_LENGTH = 64;

    public PersonId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("person id is blank");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("person id is longer than " + MAX_LENGTH);
        if (!RandomTokens.isUrlSafe(value)) throw new IllegalArgumentException("person id has characters other than A-Z a-z 0-9 - _ . ~");
    }

    /** A new, unguessable person id. */
    public static PersonId random() {
        return new PersonId(RandomTokens.urlSafe(16));
    }
}
