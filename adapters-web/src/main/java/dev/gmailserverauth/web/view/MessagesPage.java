package dev.gmailserverauth.web.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The message list: search box, rows, paging links, label sidebar. */
public record MessagesPage(
        Chrome chrome,
        String query,
        List<MessageRow> rows,
        Optional<String> nextPageHref,
        Optional<String> firstPageHref,
        List<LabelLink> labels) {

    public MessagesPage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(query, "query");
        rows = List.copyOf(rows);
        Objects.requireNonNull(nextPageHref, "nextPageHref");
        Objects.requireNonNull(firstPageHref, "firstPageHref");
        labels = List.copyOf(labels);
    }
}
