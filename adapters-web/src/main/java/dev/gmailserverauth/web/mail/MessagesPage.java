package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.web.shared.Chrome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The message list: search box, rows, paging links (next; previous while the {@link PageTrail} reaches it; first), label
 * sidebar, and, when Gmail did not give every row in time, how many are missing and a link that asks for the same page
 * again; when the page came from the local index of a synced mailbox, how fresh that index is ({@code freshness}; empty
 * when Gmail answered, live).
 */
public record MessagesPage(
        Chrome chrome,
        String query,
        List<MessageRow> rows,
        Optional<String> nextPageHref,
        Optional<String> previousPageHref,
        Optional<String> firstPageHref,
        List<LabelLink> labels,
        int missingRows,
        String retryHref,
        Optional<IndexFreshness> freshness) {

    /** When the index the page came from last caught up with Gmail: {@code datetime} for a {@code <time>} element, {@code ago} in words. */
    public record IndexFreshness(String datetime, String ago) {
        public IndexFreshness {
            Objects.requireNonNull(datetime, "datetime");
            Objects.requireNonNull(ago, "ago");
        }
    }

    public MessagesPage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(query, "query");
        rows = List.copyOf(rows);
        Objects.requireNonNull(nextPageHref, "nextPageHref");
        Objects.requireNonNull(previousPageHref, "previousPageHref");
        Objects.requireNonNull(firstPageHref, "firstPageHref");
        labels = List.copyOf(labels);
        if (missingRows < 0) throw new IllegalArgumentException("missing rows is negative");
        Objects.requireNonNull(retryHref, "retryHref");
        Objects.requireNonNull(freshness, "freshness");
    }
}
