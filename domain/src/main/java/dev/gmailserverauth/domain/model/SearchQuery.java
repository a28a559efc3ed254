package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** A Gmail search query ({@code from:alice is:unread}); empty means every message. */
public record SearchQuery(String value) {
    public static final int MAX_LENGTH = 1024;
    public static final SearchQuery ALL = new SearchQuery("");

    public SearchQuery {
        Objects.requireNonNull(value, "search query");
        value = value.strip();
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("search query is longer than " + MAX_LENGTH + " characters");
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            throw new IllegalArgumentException("search query contains control characters");
        }
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }
}
