package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.IndexCursor;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MessageIndex;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** {@link MessageIndex} in maps, for tests; the progress it moves lives in the {@link InMemorySyncStates} it is given. */
public final class InMemoryMessageIndex implements MessageIndex {
    private static final Comparator<MessageSummary> NEWEST_FIRST =
            Comparator.comparing(MessageSummary::date).thenComparing(s -> s.id().value()).reversed();

    private final InMemorySyncStates states;
    private final Map<UserId, Map<MessageId, MessageSummary>> messages = new HashMap<>();

    public InMemoryMessageIndex(InMemorySyncStates states) {
        this.states = states;
    }

    @Override
    public synchronized boolean apply(UserId user, List<IndexWrite> writes, SyncProgress expected, SyncProgress next) {
        if (!states.moveProgress(user, expected, next)) return false;
        Map<MessageId, MessageSummary> box = messages.computeIfAbsent(user, id -> new HashMap<>());
        for (IndexWrite write : writes) {
            write.<Void>fold(
                    put -> run(() -> box.put(put.message(), put.summary())),
                    remove -> run(() -> box.remove(remove.message())),
                    add -> run(() -> relabel(box, add.message(), add.labels(), Set::addAll)),
                    take -> run(() -> relabel(box, take.message(), take.labels(), Set::removeAll)));
        }
        return true;
    }

    @Override
    public synchronized Page<MessageSummary> list(UserId user, IndexView view, Optional<PageToken> page, PageSize size) {
        Optional<IndexCursor> after = page.map(IndexCursor::parse);
        List<MessageSummary> shown = box(user).values().stream().filter(s -> view.shows(s.labelIds())).sorted(NEWEST_FIRST).toList();
        List<MessageSummary> rest = shown.stream().filter(s -> after.map(cursor -> cursor.precedes(s)).orElse(true)).toList();
        List<MessageSummary> items = rest.stream().limit(size.value()).toList();
        Optional<PageToken> nextPage = rest.size() > items.size() ? Optional.of(IndexCursor.after(items.get(items.size() - 1)).token()) : Optional.empty();
        return new Page<>(items, nextPage, shown.size());
    }

    @Override
    public synchronized List<MessageSummary> find(UserId user, Collection<MessageId> ids) {
        Map<MessageId, MessageSummary> box = box(user);
        return ids.stream().distinct().filter(box::containsKey).map(box::get).toList();
    }

    @Override
    public synchronized List<MessageId> idsSince(UserId user, Instant since) {
        return box(user).values().stream().filter(s -> !s.date().isBefore(since)).sorted(NEWEST_FIRST).map(MessageSummary::id).toList();
    }

    @Override
    public synchronized int count(UserId user) {
        return box(user).size();
    }

    @Override
    public synchronized int deleteAllOf(UserId user) {
        Map<MessageId, MessageSummary> gone = messages.remove(user);
        return gone == null ? 0 : gone.size();
    }

    private Map<MessageId, MessageSummary> box(UserId user) {
        return messages.getOrDefault(user, Map.of());
    }

    private static void relabel(Map<MessageId, MessageSummary> box, MessageId id, Set<LabelId> labels, BiConsumer<Set<LabelId>, Set<LabelId>> change) {
        box.computeIfPresent(id, (key, s) -> {
            Set<LabelId> next = new HashSet<>(s.labelIds());
            change.accept(next, labels);
            return s.withLabels(next);
        });
    }

    private static Void run(Runnable action) {
        action.run();
        return null;
    }
}
