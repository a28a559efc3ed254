package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a user's messages for a search (the {@code ListMessages} helper of Google's original
 * "Implementing server-side authorization" guide, one page at a time):
 * the list call, then one summarize call for what the cache does not hold. An empty mailbox is an
 * empty page, where that guide's loop crashed.
 */
public final class ListMessages {
    private final Mailbox mailbox;
    private final SummaryCache cache;

    public ListMessages(Mailbox mailbox, SummaryCache cache) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.cache = Objects.requireNonNull(cache);
    }

    public record Query(SearchQuery search, Optional<PageToken> pageToken, PageSize pageSize) {
        public Query {
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(pageToken, "pageToken");
            Objects.requireNonNull(pageSize, "pageSize");
        }

        MailQuery mailQuery() {
            return new MailQuery(search, pageToken, pageSize);
        }
    }

    public MailOutcome<Page<MessageSummary>> list(MailboxGrant grant, Query query) {
        return grant.call(token -> mailbox.listMessages(token, query.mailQuery())
                .flatMap(refs -> summaries(grant.user(), refs.items().stream().map(MessageRef::id).toList(), ids -> mailbox.summarize(token, ids))
                        .map(items -> new Page<>(items, refs.nextPageToken(), refs.resultSizeEstimate()))));
    }

    private MailboxResponse<List<MessageSummary>> summaries(UserId user, List<MessageId> ids,
            Function<List<MessageId>, MailboxResponse<List<MessageSummary>>> fetch) {
        Map<MessageId, MessageSummary> cached = cache.find(user, ids);
        List<MessageId> missing = ids.stream().filter(id -> !cached.containsKey(id)).toList();
        if (missing.isEmpty()) return new MailboxResponse.Ok<>(ids.stream().map(cached::get).toList());
        return fetch.apply(missing).map(fetched -> {
            cache.store(user, fetched);
            Map<MessageId, MessageSummary> all = new HashMap<>(cached);
            fetched.forEach(s -> all.put(s.id(), s));
            return ids.stream().filter(all::containsKey).map(all::get).toList();
        });
    }
}
