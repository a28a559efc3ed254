package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.IndexCursor;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a page of the message list starts, as its page token says. Two kinds of token go out, and they cannot be
 * taken for one another: Gmail's own (passed through untouched; Gmail's are decimal digits) and this server's, which
 * always hold a dot: {@code <epoch millis>.<message id>} ("after this message", as the local index orders it) and
 * {@code <epoch millis>.<message id>.<Gmail's token>} (Gmail goes on after that message, in a list narrowed to what
 * is older than it: {@link #olderThan}). A token with a dot that does not read as one of these was not given by this
 * server and is refused before anything is asked of Gmail or the index.
 */
public sealed interface ListPosition {

    <R> R fold(Function<Top, R> top, Function<AtGmail, R> atGmail, Function<After, R> after);

    /** The first page. */
    record Top() implements ListPosition {
        @Override
        public <R> R fold(Function<Top, R> top, Function<AtGmail, R> atGmail, Function<After, R> after) {
            return top.apply(this);
        }
    }

    /** A page Gmail's own token names. */
    record AtGmail(PageToken token) implements ListPosition {
        public AtGmail {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public <R> R fold(Function<Top, R> top, Function<AtGmail, R> atGmail, Function<After, R> after) {
            return atGmail.apply(this);
        }
    }

    /**
     * The page after {@code cursor}: from the index when it holds it, else from Gmail, whose list narrowed to what is
     * older than the cursor goes on at {@code gmail} (its first page when empty).
     */
    record After(IndexCursor cursor, Optional<PageToken> gmail) implements ListPosition {
        public After {
            Objects.requireNonNull(cursor, "cursor");
            Objects.requireNonNull(gmail, "gmail");
        }

        public PageToken token() {
            return new PageToken(cursor.token().value() + gmail.map(token -> "." + token.value()).orElse(""));
        }

        @Override
        public <R> R fold(Function<Top, R> top, Function<AtGmail, R> atGmail, Function<After, R> after) {
            return after.apply(this);
        }
    }

    /** The position a request's page token names; empty when the token has this server's form but does not read as one. */
    static Optional<ListPosition> parse(Optional<PageToken> token) {
        if (token.isEmpty()) return Optional.of(new Top());
        String value = token.get().value();
        if (value.indexOf('.') < 0) return Optional.of(new AtGmail(token.get()));
        String[] parts = value.split("\\.", 3);
        try {
            if (!parts[0].chars().allMatch(Character::isDigit) || parts[0].length() > 15) return Optional.empty();
            IndexCursor cursor = IndexCursor.parse(new PageToken(parts[0] + "." + parts[1]));
            Optional<PageToken> gmail = parts.length == 3 ? Optional.of(new PageToken(parts[2])) : Optional.empty();
            return Optional.of(new After(cursor, gmail));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * {@code search} narrowed to messages older than the second after {@code cursor}'s (Gmail's {@code before:} takes
     * epoch seconds): the messages of the cursor's own second come too, and the caller drops those not after it.
     */
    static Optional<SearchQuery> olderThan(SearchQuery search, IndexCursor cursor) {
        String before = "before:" + (Math.floorDiv(cursor.date().toEpochMilli(), 1000) + 1);
        String narrowed = search.isEmpty() ? before : "(" + search.value() + ") " + before;
        return narrowed.length() > SearchQuery.MAX_LENGTH ? Optional.empty() : Optional.of(new SearchQuery(narrowed));
    }
}
