package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of an index view continues: after the message with this date and id (pages run newest
 * first, by date then id). Its token form is {@code <epoch millis>.<message id>}.
 */
public record IndexCursor(Instant date, MessageId id) {
    public IndexCursor {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(id, "id");
    }

    public static IndexCursor after(MessageSummary last) {
        return new IndexCursor(last.date(), last.id());
    }

    /** Reads a token {@link #token()} gave; anything else is an {@link IllegalArgumentException}. */
    public static IndexCursor parse(PageToken token) {
        String value = token.value();
        int dot = value.indexOf('.');
        if (dot <= 0) throw new IllegalArgumentException("page token is not one this index gave");
        try {
            return new IndexCursor(Instant.ofEpochMilli(Long.parseLong(value.substring(0, dot))), new MessageId(value.substring(dot + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("page token is not one this index gave", e);
        }
    }

    public PageToken token() {
        return new PageToken(date.toEpochMilli() + "." + id.value());
    }

    /** True when {@code summary} comes after this cursor in a newest-first page. */
    public boolean precedes(MessageSummary summary) {
        int byDate = summary.date().compareTo(date);
        return byDate < 0 || byDate == 0 && summary.id().value().compareTo(id.value()) < 0;
    }
}
