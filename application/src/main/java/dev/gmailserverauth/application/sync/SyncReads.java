package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.port.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Gmail reads the sync shares: every id of a search, and summaries in batches. */
final class SyncReads {
    /** Gmail's largest batch of metadata reads the mailbox adapter sends at once. */
    static final int SUMMARY_BATCH = 50;
    /** How long to wait when Gmail's per-user limits left summaries out. */
    static final Duration SUMMARIES_RETRY = Duration.ofSeconds(10);
    private static final PageSize LIST_PAGE = new PageSize(PageSize.MAX);

    private SyncReads() {
    }

    /** Every message id matching {@code search}, newest first; stops listing once more than {@code limit} came. */
    static Step<List<MessageId>> listAll(MailboxGrant grant, Mailbox mailbox, SearchQuery search, int limit) {
        return listFrom(grant, mailbox, search, Optional.empty(), new ArrayList<>(), limit);
    }

    private static Step<List<MessageId>> listFrom(MailboxGrant grant, Mailbox mailbox, SearchQuery search, Optional<PageToken> page,
            List<MessageId> listed, int limit) {
        MailQuery query = new MailQuery(search, page, LIST_PAGE);
        return Step.of(grant.call(token -> mailbox.listMessages(token, query))).flatMap(refs -> {
            refs.items().stream().map(MessageRef::id).forEach(listed::add);
            if (refs.nextPageToken().isEmpty() || listed.size() > limit) return new Step.Got<>(listed);
            return listFrom(grant, mailbox, search, refs.nextPageToken(), listed, limit);
        });
    }

    /**
     * The summaries of these ids, in batches, messages deleted meanwhile left out. When Gmail's limits leave some
     * out, the whole answer is to wait: a page of changes is applied whole or not at all.
     */
    static Step<List<MessageSummary>> summarize(MailboxGrant grant, Mailbox mailbox, List<MessageId> ids, Instant now) {
        return summarize(grant, mailbox, ids, now, FetchedSummaries.Held.forOneRead());
    }

    /**
     * The same, keeping every summary that arrived in {@code fetched} and reading only those it does not hold yet: the
     * run that comes back after a wait goes on where this one stopped instead of spending the next minute on the same
     * messages.
     */
    static Step<List<MessageSummary>> summarize(MailboxGrant grant, Mailbox mailbox, List<MessageId> ids, Instant now,
            FetchedSummaries.Held fetched) {
        List<MessageId> distinct = ids.stream().distinct().toList();
        List<MessageId> toRead = distinct.stream().filter(id -> fetched.get(id).isEmpty()).toList();
        Step<Boolean> read = new Step.Got<>(true);
        for (int from = 0; from < toRead.size(); from += SUMMARY_BATCH) {
            List<MessageId> batch = List.copyOf(toRead.subList(from, Math.min(toRead.size(), from + SUMMARY_BATCH)));
            read = read.flatMap(ignored -> Step.of(grant.call(token -> mailbox.summarize(token, batch))).flatMap(summaries -> {
                summaries.found().forEach(fetched::put);
                return summaries.isComplete() ? new Step.Got<>(true) : new Step.Wait<>(now.plus(SUMMARIES_RETRY));
            }));
        }
        return read.map(done -> distinct.stream().map(fetched::get).flatMap(Optional::stream).toList());
    }

    /** Gmail's search for messages received after an instant (whole seconds). */
    static SearchQuery after(Instant since) {
        return new SearchQuery("after:" + since.getEpochSecond());
    }
}
