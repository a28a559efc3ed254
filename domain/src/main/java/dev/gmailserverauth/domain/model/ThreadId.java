package dev.gmailserverauth.domain.model;

/** A Gmail thread id. */
public record ThreadId(String value) {
    public ThreadId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("thread id is blank");
        if (!Ids.isWellFormed(value)) throw new IllegalArgumentException("thread id is malformed");
    }
}
