package dev.gmailserverauth.domain.model;

/** A Gmail message id. */
public record MessageId(String value) {
    public MessageId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("message id is blank");
        if (!Ids.isWellFormed(value)) throw new IllegalArgumentException("message id is malformed");
    }
}
