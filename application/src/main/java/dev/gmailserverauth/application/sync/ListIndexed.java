package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.SearchQuery;
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
 * A list view read from the local index instead of Gmail: only for a mailbox whose sync is current (active, caught
 * up within two poll intervals, no notification waiting) and whose index holds the whole mailbox, and only for the
 * views the index can answer exactly: the unfiltered list and one label ({@code in:inbox}, {@code is:unread},
 * {@code is:starred}, {@code label:} a system label). Anything else (a search, a person's own label by name) is
 * empty here and goes to Gmail.
 */
public final class ListIndexed {
    private static final Set<String> SYSTEM_LABELS = Set.of("INBOX", "UNREAD", "STARRED", "SENT", "DRAFT", "SPAM", "TRASH", "IMPORTANT",
            "CHAT", "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS");

    private final SyncStates states;
    private final MessageIndex index;
    private final SyncSettings settings;
    private final Clock clock;

    public ListIndexed(SyncStates states, MessageIndex index, SyncSettings settings, Clock clock) {
        this.states = Objects.requireNonNull(states);
        this.index = Objects.requireNonNull(index);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The page from the index, saying when the index last caught up; empty when Gmail must answer. */
    public Optional<ListMessages.Listing> list(UserId user, ListMessages.Query query) {
        Optional<IndexView> view = viewOf(query.search());
        if (view.isEmpty()) return Optional.empty();
        Duration maxAge = settings.pollInterval().multipliedBy(2);
        Optional<SyncState> current = states.find(user)
                .filter(state -> state.progress().wholeMailbox() && state.isCurrentAt(clock.instant(), maxAge));
        if (current.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new ListMessages.Listing(index.list(user, view.get(), query.pageToken(), query.pageSize()), List.of(),
                    current.get().lastSynced()));
        } catch (IllegalArgumentException notAnIndexToken) {
            // A page token Gmail gave (the sync became current meanwhile): Gmail goes on with it.
            return Optional.empty();
        }
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
