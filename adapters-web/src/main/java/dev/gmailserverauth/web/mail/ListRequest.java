package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.web.shared.FormData;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.RequestValues;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * The query of a list route ({@code q}, {@code pageToken}, {@code maxResults}), parsed and validated in
 * one place for the HTML pages and the JSON API alike.
 *
 * @param explicitSize the page size only when the request named one, so links keep it without adding it
 */
record ListRequest(SearchQuery search, Optional<PageToken> pageToken, PageSize size, Optional<Integer> explicitSize) {
    ListRequest {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(pageToken, "pageToken");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(explicitSize, "explicitSize");
    }

    static ListRequest parse(Context ctx, int defaultSize) {
        FormData params = FormData.parse(ctx.queryString());
        PageSize size = RequestValues.pageSize(params, defaultSize);
        return new ListRequest(RequestValues.search(params), RequestValues.pageToken(params), size,
                params.get("maxResults").map(ignored -> size.value()));
    }

    ListMessages.Query messagesQuery() {
        return new ListMessages.Query(search, pageToken, size);
    }

    /** The list this request names: where a message or conversation opened from it goes back to. */
    String backToList() {
        return Links.messages(search, pageToken, explicitSize);
    }

    /** {@code href} carrying this list, so the page it opens can link back to it. */
    String carry(String href) {
        return Links.fromList(href, search, pageToken, explicitSize);
    }

    MailQuery threadsQuery() {
        return new MailQuery(search, pageToken, size);
    }
}
