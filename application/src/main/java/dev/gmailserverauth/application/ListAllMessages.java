package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every message of a search, following page tokens up to a cap (for the command line and benchmarks). */
public final class ListAllMessages {
    private final ListMessages listMessages;

    public ListAllMessages(ListMessages listMessages) {
        this.listMessages = Objects.requireNonNull(listMessages);
    }

    public record Query(SearchQuery search, int maxMessages) {
        public static final int MAX_MESSAGES = 10_000;

        public Query {
            Objects.requireNonNull(search, "search");
            if (maxMessages < 1 || maxMessages > MAX_MESSAGES) throw new IllegalArgumentException("maxMessages must be between 1 and " + MAX_MESSAGES);
        }
    }

    public MailOutcome<List<MessageSummary>> listAll(MailboxGrant grant, Query query) {
        List<MessageSummary> all = new ArrayList<>();
        Optional<PageToken> next = Optional.empty();
        do {
            int size = Math.min(PageSize.MAX, query.maxMessages() - all.size());
            MailOutcome<Page<MessageSummary>> page = listMessages.list(grant, new ListMessages.Query(query.search(), next, new PageSize(size)));
            if (!(page instanceof MailOutcome.Success<Page<MessageSummary>> success)) return relay(page);
            all.addAll(success.value().items());
            next = success.value().nextPageToken();
        } while (next.isPresent() && all.size() < query.maxMessages());
        return new MailOutcome.Success<>(List.copyOf(all));
    }

    private static MailOutcome<List<MessageSummary>> relay(MailOutcome<Page<MessageSummary>> failure) {
        if (failure instanceof MailOutcome.ReauthorizationRequired<Page<MessageSummary>> r) return new MailOutcome.ReauthorizationRequired<>(r.consent());
        if (failure instanceof MailOutcome.Invalid<Page<MessageSummary>> invalid) return new MailOutcome.Invalid<>(invalid.reason());
        return new MailOutcome.NotFound<>();
    }
}
