package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/** Which page of which search: a query, where to continue, how many. */
public record MailQuery(SearchQuery query, Optional<PageToken> pageToken, PageSize pageSize) {
    public MailQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(pageToken, "pageToken");
        Objects.requireNonNull(pageSize, "pageSize");
    }

    public static MailQuery firstPage(SearchQuery query, PageSize size) {
        return new MailQuery(query, Optional.empty(), size);
    }

    public MailQuery next(PageToken token) {
        return new MailQuery(query, Optional.of(token), pageSize);
    }
}
