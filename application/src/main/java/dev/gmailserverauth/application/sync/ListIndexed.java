package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.domain.model.IndexCursor;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.SyncStates;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A list view read from the local index instead of Gmail, for a mailbox whose sync is current
 * ({@link SyncState#isCurrentAt}: active, no notification waiting, caught up within two poll intervals) and only for
 * the views the index answers exactly: the unfiltered list and one label ({@code in:inbox}, {@code is:unread},
 * {@code is:starred}, {@code label:} a system label, or a person's own label by name once {@link KnownLabels} knows the
 * name). The index holds the whole mailbox, or every message dated after
 * the edge of its window ({@link SyncProgress#holds}); a page is served from the index up to that edge, and the page
 * after the edge (its token says "after the last message shown") is Gmail's. Anything else (a search, a label name not
 * known here, spam and trash, which the backfill does not take) is empty here and goes to Gmail.
 */
public final class ListIndexed {
    /** System labels the index holds completely within its window; spam and trash are left out of the backfill, as Gmail's list leaves them. */
    private static final Set<String> SYSTEM_LABELS = Set.of("INBOX", "UNREAD", "STARRED", "SENT", "DRAFT", "IMPORTANT",
            "CHAT", "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS");

    private final SyncStates states;
    private final MessageIndex index;
    private final SyncSettings settings;
    private final Clock clock;
    private final KnownLabels labels;

    public ListIndexed(SyncStates states, MessageIndex index, SyncSettings settings, Clock clock, KnownLabels labels) {
        this.states = Objects.requireNonNull(states);
        this.index = Objects.requireNonNull(index);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.labels = Objects.requireNonNull(labels);
    }

    /**
     * The page of {@code search} after {@code after} (from the top when empty) from the index, saying when the index last
     * caught up; empty when Gmail must answer it.
     */
    public Optional<ListMessages.Listing> list(UserId user, SearchQuery search, Optional<IndexCursor> after, PageSize size) {
        Optional<IndexView> view = viewOf(search).or(() -> ownLabel(search).flatMap(name -> labels.find(user, name)).map(IndexView::of));
        if (view.isEmpty()) return Optional.empty();
        Duration maxAge = settings.pollInterval().multipliedBy(2);
        Optional<SyncState> current = states.find(user)
                .filter(state -> state.progress().hasWindow() && state.isCurrentAt(clock.instant(), maxAge));
        if (current.isEmpty()) return Optional.empty();
        SyncProgress progress = current.get().progress();
        Page<MessageSummary> page = index.list(user, view.get(), after.map(IndexCursor::token), size);
        List<MessageSummary> held = page.items().stream().takeWhile(summary -> progress.holds(summary.date())).toList();
        if (held.isEmpty() && !progress.wholeMailbox()) return Optional.empty();
        // Past the window's edge Gmail may hold more: the next page starts after the last message shown, wherever it is held.
        boolean more = progress.wholeMailbox() ? page.hasNext() : true;
        Optional<PageToken> next = more ? Optional.of(IndexCursor.after(held.get(held.size() - 1)).token()) : Optional.empty();
        return Optional.of(new ListMessages.Listing(new Page<>(held, next, page.resultSizeEstimate()), List.of(), current.get().lastSynced()));
    }

    /** The name of {@code label:NAME}, a single term that is not a system label; Gmail's to answer in any other form. */
    static Optional<String> ownLabel(SearchQuery search) {
        String query = search.value().strip();
        if (!query.regionMatches(true, 0, "label:", 0, 6)) return Optional.empty();
        String name = query.substring(6);
        if (name.isEmpty() || name.startsWith("-") || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '(' || c == ')')) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return SYSTEM_LABELS.contains(upper) || IndexView.HIDDEN.contains(new LabelId(upper)) ? Optional.empty() : Optional.of(name);
    }

    /** The index view a search names, when it names one exactly. */
    static Optional<IndexView> viewOf(SearchQuery search) {
        String query = search.value().toUpperCase(Locale.ROOT);
        if (query.isEmpty()) return Optional.of(IndexView.ALL);
        String label = query.startsWith("IN:") ? query.substring(3) : query.startsWith("IS:") ? query.substring(3)
                : query.startsWith("LABEL:") ? query.substring(6) : "";
        if (!SYSTEM_LABELS.contains(label)) return Optional.empty();
        if (query.startsWith("IS:") && !Set.of("UNREAD", "STARRED", "IMPORTANT").contains(label)) return Optional.empty();
        return Optional.of(IndexView.of(new LabelId(label)));
    }
}
