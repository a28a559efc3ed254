package dev.gmailserverauth.domain.model;

/** A Gmail label id: a system name such as {@code INBOX} or {@code UNREAD}, or {@code Label_123}. */
public record LabelId(String value) {
    public static final LabelId UNREAD = new LabelId("UNREAD");
    public static final LabelId STARRED = new LabelId("STARRED");
    public static final LabelId INBOX = new LabelId("INBOX");

    public LabelId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("label id is blank");
        if (!Ids.isWellFormed(value)) throw new IllegalArgumentException("label id is malformed");
    }
}
