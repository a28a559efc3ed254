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
 * one place for the HTML pages and the JSON API alike; the HTML pages also carry the list's {@link PageTrail}.
 *
 * @param explicitSize the page size only when the request named one, so links keep it without adding it
 */
record ListRequest(SearchQuery search, Optional<PageToken> pageToken, PageSize size, Optional<Integer> explicitSize, PageTrail trail) {
    ListRequest {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(pageToken, "pageToken");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(explicitSize, "explicitSize");
        Objects.requireNonNull(trail, "trail");
    }

    /** The query of an API call: no trail (a client keeps its own). */
    static ListRequest parse(Context ctx, int defaultSize) {
        return parse(FormData.parse(ctx.queryString()), defaultSize, false);
    }

    /** The list a page shows or was opened from, with its trail of earlier pages. */
    static ListRequest ofPage(Context ctx, int defaultSize) {
        return parse(FormData.parse(ctx.queryString()), defaultSize, true);
    }

    private static ListRequest parse(FormData params, int defaultSize, boolean withTrail) {
        PageSize size = RequestValues.pageSize(params, defaultSize);
        Optional<PageToken> token = RequestValues.pageToken(params);
        return new ListRequest(RequestValues.search(params), token, size, params.get("maxResults").map(ignored -> size.value()),
                withTrail ? PageTrail.parse(params, token.isPresent()) : PageTrail.NONE);
    }

    ListMessages.Query messagesQuery() {
        return new ListMessages.Query(search, pageToken, size);
    }

    /** The list this request names: where a message or conversation opened from it goes back to. */
    String backToList() {
        return list(pageToken, trail);
    }

    /** {@code href} carrying this list, so the page it opens can link back to it. */
    String carry(String href) {
        return Links.fromList(href, backToList());
    }

    /** The page after this one, whose token Gmail gave. */
    String next(PageToken next) {
        return list(Optional.of(next), trail.next(pageToken));
    }

    /** The page before this one, when the trail reaches it. */
    Optional<String> previous() {
        return trail.previous().map(step -> list(step.token(), step.trail()));
    }

    /** The first page of the same search. */
    String first() {
        return list(Optional.empty(), PageTrail.NONE);
    }

    private String list(Optional<PageToken> token, PageTrail trail) {
        return Links.messages(search, token, explicitSize, trail.parameters());
    }

    MailQuery threadsQuery() {
        return new MailQuery(search, pageToken, size);
    }
}
