package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AccountHistory;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AccountHistory} in lists, for tests; newest entries first, at most {@link #MAX_ENTRIES} each. */
public final class InMemoryAccountHistory implements AccountHistory {
    private final Map<UserId, LinkedList<HistoryEntry>> histories = new ConcurrentHashMap<>();

    @Override
    public void append(UserId userId, HistoryEntry entry) {
        histories.compute(userId, (user, entries) -> {
            LinkedList<HistoryEntry> list = entries == null ? new LinkedList<>() : entries;
            list.addFirst(entry);
            while (list.size() > MAX_ENTRIES) list.removeLast();
            return list;
        });
    }

    @Override
    public List<HistoryEntry> latest(UserId userId, int limit) {
        List<HistoryEntry> result = new ArrayList<>();
        histories.computeIfPresent(userId, (user, entries) -> {
            entries.stream().limit(Math.max(0, Math.min(limit, MAX_ENTRIES))).forEach(result::add);
            return entries;
        });
        return result;
    }

    @Override
    public int deleteAllOf(UserId userId) {
        LinkedList<HistoryEntry> removed = histories.remove(userId);
        return removed == null ? 0 : removed.size();
    }
}
