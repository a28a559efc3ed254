package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.IndexCursor;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.application.sync.ListIndexed;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.time.Instant;
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
 *
 * <p>At Gmail's per-user limits a page is never thrown away: rows Gmail did not give in time are named in
 * {@link Listing#missing()} next to the rows that came (asking again fetches only those), and when the
 * quota is spent the cached rows still show; with nothing to show, the outcome is
 * {@link MailOutcome.RateLimited} with when to try again.
 *
 * <p>With {@link ListIndexed}, the unfiltered list and the label views of a mailbox kept in sync are read from the
 * local index (no Gmail call; the listing says how fresh it is), as far back as the index holds the mailbox; the page
 * after that edge is Gmail's, narrowed to what is older than the last message shown ({@link ListPosition}). Searches
 * always go to Gmail, and so do mailboxes not synced or whose sync is not current: for those pages the summary cache
 * stays (see docs/decisions/0061).
 */
public final class ListMessages {
    private final Mailbox mailbox;
    private final SummaryCache cache;
    private final Optional<ListIndexed> indexed;

    public ListMessages(Mailbox mailbox, SummaryCache cache) {
        this(mailbox, cache, Optional.empty());
    }

    /** With the local index of synced mailboxes, which answers the views it holds whole without calling Gmail. */
    public ListMessages(Mailbox mailbox, SummaryCache cache, Optional<ListIndexed> indexed) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.cache = Objects.requireNonNull(cache);
        this.indexed = Objects.requireNonNull(indexed);
    }

    public record Query(SearchQuery search, Optional<PageToken> pageToken, PageSize pageSize) {
        public Query {
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(pageToken, "pageToken");
            Objects.requireNonNull(pageSize, "pageSize");
        }
    }

    /**
     * One page of the list, and the ids of its rows that Gmail did not give in time (none when complete);
     * {@code indexedAt} when the page came from the local index of a synced mailbox: as fresh as that sync.
     */
    public record Listing(Page<MessageSummary> page, List<MessageId> missing, Optional<Instant> indexedAt) {
        public Listing {
            Objects.requireNonNull(page, "page");
            missing = List.copyOf(missing);
            Objects.requireNonNull(indexedAt, "indexedAt");
        }

        /** A page read from Gmail. */
        public Listing(Page<MessageSummary> page, List<MessageId> missing) {
            this(page, missing, Optional.empty());
        }

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    public MailOutcome<Listing> list(MailboxGrant grant, Query query) {
        return ListPosition.parse(query.pageToken()).map(position -> position.fold(
                        top -> fromIndexOrGmail(grant, query, Optional.empty()),
                        atGmail -> fromGmail(grant, query.search(), Optional.of(atGmail.token()), query.pageSize(), Optional.empty()),
                        after -> after.gmail().isPresent()
                                ? fromGmailAfter(grant, query, after)
                                : fromIndexOrGmail(grant, query, Optional.of(after.cursor()))))
                .orElseGet(() -> new MailOutcome.Invalid<>("the page token is not one this server gave"));
    }

    /** The index answers when it holds the page; else Gmail does, after the cursor when there is one. */
    private MailOutcome<Listing> fromIndexOrGmail(MailboxGrant grant, Query query, Optional<IndexCursor> after) {
        Optional<Listing> fromIndex = indexed.flatMap(index -> index.list(grant.user(), query.search(), after, query.pageSize()));
        if (fromIndex.isPresent()) return new MailOutcome.Success<>(fromIndex.get());
        if (after.isEmpty()) return fromGmail(grant, query.search(), Optional.empty(), query.pageSize(), Optional.empty());
        return fromGmailAfter(grant, query, new ListPosition.After(after.get(), Optional.empty()));
    }

    /** Gmail goes on where the index stopped: its list narrowed to what is older than the last message shown. */
    private MailOutcome<Listing> fromGmailAfter(MailboxGrant grant, Query query, ListPosition.After after) {
        return ListPosition.olderThan(query.search(), after.cursor())
                .map(narrowed -> fromGmail(grant, narrowed, after.gmail(), query.pageSize(), Optional.of(after.cursor())))
                .orElseGet(() -> new MailOutcome.Invalid<>("the search is too long to page on"));
    }

    /**
     * A page from Gmail. After a cursor, the messages not after it are dropped (the narrowed list starts at the cursor's
     * second) and Gmail's next token is carried in this server's own, so that the narrowing goes on.
     */
    private MailOutcome<Listing> fromGmail(MailboxGrant grant, SearchQuery search, Optional<PageToken> token, PageSize size,
            Optional<IndexCursor> after) {
        MailQuery mailQuery = new MailQuery(search, token, size);
        return grant.call(accessToken -> mailbox.listMessages(accessToken, mailQuery)
                .flatMap(refs -> summaries(grant.user(), refs.items().stream().map(MessageRef::id).toList(), ids -> mailbox.summarize(accessToken, ids))
                        .map(summaries -> new Listing(new Page<>(
                                summaries.found().stream().filter(summary -> after.map(cursor -> cursor.precedes(summary)).orElse(true)).toList(),
                                refs.nextPageToken().map(next -> after.map(cursor -> new ListPosition.After(cursor, Optional.of(next)).token()).orElse(next)),
                                refs.resultSizeEstimate()),
                                summaries.missing()))));
    }

    private MailboxResponse<Summaries> summaries(UserId user, List<MessageId> ids, Function<List<MessageId>, MailboxResponse<Summaries>> fetch) {
        Map<MessageId, MessageSummary> cached = cache.find(user, ids);
        List<MessageId> uncached = ids.stream().filter(id -> !cached.containsKey(id)).toList();
        if (uncached.isEmpty()) return new MailboxResponse.Ok<>(Summaries.complete(inOrder(ids, cached)));
        MailboxResponse<Summaries> fetched = fetch.apply(uncached);
        return fetched.fold(
                ok -> {
                    cache.store(user, ok.value().found());
                    Map<MessageId, MessageSummary> all = new HashMap<>(cached);
                    ok.value().found().forEach(s -> all.put(s.id(), s));
                    return new MailboxResponse.Ok<>(new Summaries(inOrder(ids, all), ok.value().missing()));
                },
                unauthorized -> fetched,
                insufficientScope -> fetched,
                notFound -> fetched,
                badRequest -> fetched,
                // The quota is spent: the rows already cached still show, the others are named missing.
                rateLimited -> cached.isEmpty() ? fetched : new MailboxResponse.Ok<>(new Summaries(inOrder(ids, cached), uncached)));
    }

    private static List<MessageSummary> inOrder(List<MessageId> ids, Map<MessageId, MessageSummary> summaries) {
        return ids.stream().filter(summaries::containsKey).map(summaries::get).toList();
    }
}
