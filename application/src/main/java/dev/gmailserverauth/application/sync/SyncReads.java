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
        Step<List<MessageSummary>> all = new Step.Got<>(new ArrayList<>());
        for (int from = 0; from < ids.size(); from += SUMMARY_BATCH) {
            List<MessageId> batch = List.copyOf(ids.subList(from, Math.min(ids.size(), from + SUMMARY_BATCH)));
            all = all.flatMap(found -> Step.of(grant.call(token -> mailbox.summarize(token, batch))).flatMap(summaries -> {
                if (!summaries.isComplete()) return new Step.Wait<>(now.plus(SUMMARIES_RETRY));
                found.addAll(summaries.found());
                return new Step.Got<>(found);
            }));
        }
        return all;
    }

    /** Gmail's search for messages received after an instant (whole seconds). */
    static SearchQuery after(Instant since) {
        return new SearchQuery("after:" + since.getEpochSecond());
    }
}
