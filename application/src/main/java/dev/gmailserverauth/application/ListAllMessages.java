package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every message of a search, following page tokens up to a cap (for the command line and benchmarks), paced
 * within the person's Gmail limits instead of failing part-way: a page answered "rate limited" is asked again
 * when the quota frees up, a partial page again after a short pause (its rows that came are cached, so only
 * the missing ones are fetched). Progress is reported after every page and before every wait.
 */
public final class ListAllMessages {
    /** Before asking again for a page that came back partial. */
    static final Duration PARTIAL_PAUSE = Duration.ofSeconds(1);
    /** Waits for one page before giving up: enough to ride out several per-minute quota windows. */
    static final int MAX_WAITS_PER_PAGE = 20;

    private final ListMessages listMessages;
    private final Clock clock;
    private final Pause pause;

    public ListAllMessages(ListMessages listMessages, Clock clock, Pause pause) {
        this.listMessages = Objects.requireNonNull(listMessages);
        this.clock = Objects.requireNonNull(clock);
        this.pause = Objects.requireNonNull(pause);
    }

    public record Query(SearchQuery search, int maxMessages) {
        public static final int MAX_MESSAGES = 10_000;

        public Query {
            Objects.requireNonNull(search, "search");
            if (maxMessages < 1 || maxMessages > MAX_MESSAGES) throw new IllegalArgumentException("maxMessages must be between 1 and " + MAX_MESSAGES);
        }
    }

    /**
     * How far the listing is: messages and pages so far, and, while it waits for Gmail's limits, until when.
     */
    public record Progress(int messages, int pages, Optional<Instant> waitingUntil) {
        public Progress {
            if (messages < 0 || pages < 0) throw new IllegalArgumentException("progress is never negative");
            Objects.requireNonNull(waitingUntil, "waitingUntil");
        }
    }

    public MailOutcome<List<MessageSummary>> listAll(MailboxGrant grant, Query query, Consumer<Progress> progress) {
        List<MessageSummary> all = new ArrayList<>();
        Optional<PageToken> next = Optional.empty();
        int pages = 0;
        int waits = 0;
        while (true) {
            int size = Math.min(PageSize.MAX, query.maxMessages() - all.size());
            MailOutcome<ListMessages.Listing> page = listMessages.list(grant, new ListMessages.Query(query.search(), next, new PageSize(size)));
            Optional<Instant> wait = waitBefore(page);
            if (wait.isPresent()) {
                if (++waits > MAX_WAITS_PER_PAGE) return gaveUp(page, all.size());
                progress.accept(new Progress(all.size(), pages, wait));
                await(wait.get());
                continue;
            }
            if (!(page instanceof MailOutcome.Success<ListMessages.Listing> success)) return relay(page);
            all.addAll(success.value().page().items());
            pages++;
            waits = 0;
            progress.accept(new Progress(all.size(), pages, Optional.empty()));
            next = success.value().page().nextPageToken();
            if (next.isEmpty() || all.size() >= query.maxMessages()) return new MailOutcome.Success<>(List.copyOf(all));
        }
    }

    /** When to ask for the same page again: at the retry time of a spent quota, or shortly for a partial page. */
    private Optional<Instant> waitBefore(MailOutcome<ListMessages.Listing> page) {
        if (page instanceof MailOutcome.RateLimited<ListMessages.Listing> limited) return Optional.of(limited.retryAt());
        if (page instanceof MailOutcome.Success<ListMessages.Listing> success && !success.value().complete()) {
            return Optional.of(clock.instant().plus(PARTIAL_PAUSE));
        }
        return Optional.empty();
    }

    private void await(Instant until) {
        try {
            pause.until(until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting for Gmail's limits", e);
        }
    }

    /** Still rate limited after all those waits: say so; still partial: Gmail is not keeping up, which is unexpected. */
    private static MailOutcome<List<MessageSummary>> gaveUp(MailOutcome<ListMessages.Listing> page, int listed) {
        if (page instanceof MailOutcome.RateLimited<ListMessages.Listing> limited) {
            return new MailOutcome.RateLimited<>(limited.retryAt(), limited.retryAfter());
        }
        throw new ProviderUnavailableException("Gmail kept answering partial pages after " + listed + " messages");
    }

    private static MailOutcome<List<MessageSummary>> relay(MailOutcome<ListMessages.Listing> failure) {
        if (failure instanceof MailOutcome.ReauthorizationRequired<ListMessages.Listing> r) return new MailOutcome.ReauthorizationRequired<>(r.consent());
        if (failure instanceof MailOutcome.Invalid<ListMessages.Listing> invalid) return new MailOutcome.Invalid<>(invalid.reason());
        return new MailOutcome.NotFound<>();
    }
}
