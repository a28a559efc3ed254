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
import java.util.function.Supplier;

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
        Walk walk = Walk.start(query, progress);
        int waits = 0;
        while (true) {
            MailOutcome<ListMessages.Listing> page = listMessages.list(grant, walk.nextPage());
            Optional<Wait> wait = waitBefore(page, walk.listed());
            if (wait.isPresent()) {
                if (++waits > MAX_WAITS_PER_PAGE) return wait.get().givenUp().get();
                progress.accept(new Progress(walk.listed(), walk.pages, Optional.of(wait.get().until())));
                await(wait.get().until());
                continue;
            }
            waits = 0;
            Optional<MailOutcome<List<MessageSummary>>> end = page.fold(
                    success -> walk.add(success.value()),
                    reauthorization -> Optional.of(new MailOutcome.ReauthorizationRequired<>(reauthorization.consent())),
                    notFound -> Optional.of(new MailOutcome.NotFound<>()),
                    invalid -> Optional.of(new MailOutcome.Invalid<>(invalid.reason())),
                    rateLimited -> Optional.of(new MailOutcome.RateLimited<>(rateLimited.retryAt(), rateLimited.retryAfter())));
            if (end.isPresent()) return end.get();
        }
    }

    /** Asking for the same page again later: when, and what to answer if the waits run out first. */
    private record Wait(Instant until, Supplier<MailOutcome<List<MessageSummary>>> givenUp) {
    }

    /**
     * When to ask for the same page again: at the retry time of a spent quota (still rate limited after all the
     * waits: say so), or shortly for a partial page (still partial: Gmail is not keeping up, which is unexpected).
     */
    private Optional<Wait> waitBefore(MailOutcome<ListMessages.Listing> page, int listed) {
        return page.fold(
                success -> success.value().complete() ? Optional.empty()
                        : Optional.of(new Wait(clock.instant().plus(PARTIAL_PAUSE), () -> {
                            throw new ProviderUnavailableException("Gmail kept answering partial pages after " + listed + " messages");
                        })),
                reauthorization -> Optional.empty(),
                notFound -> Optional.empty(),
                invalid -> Optional.empty(),
                rateLimited -> Optional.of(new Wait(rateLimited.retryAt(),
                        () -> new MailOutcome.RateLimited<>(rateLimited.retryAt(), rateLimited.retryAfter()))));
    }

    private void await(Instant until) {
        try {
            pause.until(until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while waiting for Gmail's limits", e);
        }
    }

    /** The state of one listing (not a collaborator): the messages listed so far and where the next page starts. */
    private static final class Walk {
        private final Query query;
        private final Consumer<Progress> progress;
        private final List<MessageSummary> all = new ArrayList<>();
        private Optional<PageToken> next = Optional.empty();
        private int pages;

        private Walk(Query query, Consumer<Progress> progress) {
            this.query = query;
            this.progress = progress;
        }

        static Walk start(Query query, Consumer<Progress> progress) {
            return new Walk(query, progress);
        }

        int listed() {
            return all.size();
        }

        ListMessages.Query nextPage() {
            return new ListMessages.Query(query.search(), next, new PageSize(Math.min(PageSize.MAX, query.maxMessages() - all.size())));
        }

        /** Takes a complete page in; the whole listing once there is no next page or the cap is reached. */
        Optional<MailOutcome<List<MessageSummary>>> add(ListMessages.Listing listing) {
            all.addAll(listing.page().items());
            pages++;
            progress.accept(new Progress(all.size(), pages, Optional.empty()));
            next = listing.page().nextPageToken();
            if (next.isEmpty() || all.size() >= query.maxMessages()) return Optional.of(new MailOutcome.Success<>(List.copyOf(all)));
            return Optional.empty();
        }
    }
}
