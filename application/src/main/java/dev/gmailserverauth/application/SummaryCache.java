package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers message summaries per user, so that showing the same page again costs only the list call.
 *
 * <p>Messages never change except their labels, so entries live for a short {@code timeToLive} (the
 * unread mark may lag by that much) and the whole cache is bounded to {@code maxEntries}, least
 * recently used first out. A disconnected user's entries are dropped at once.
 */
public final class SummaryCache {
    private record Key(UserId user, MessageId id) {
    }

    private record Entry(MessageSummary summary, Instant storedAt) {
    }

    private final int maxEntries;
    private final Duration timeToLive;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> entries;
    private long hits;
    private long misses;

    /** How the cache has done since it was made: summaries found and not found, and how many it holds now. */
    public record Stats(long hits, long misses, int size) {
    }

    public SummaryCache(int maxEntries, Duration timeToLive, Clock clock) {
        if (maxEntries < 0) throw new IllegalArgumentException("maxEntries is negative");
        this.maxEntries = maxEntries;
        this.timeToLive = Objects.requireNonNull(timeToLive);
        this.clock = Objects.requireNonNull(clock);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > SummaryCache.this.maxEntries;
            }
        };
    }

    /** A cache that keeps nothing: every page fetches its summaries. */
    public static SummaryCache disabled(Clock clock) {
        return new SummaryCache(0, Duration.ZERO, clock);
    }

    /** The fresh summaries this cache holds among {@code ids}. */
    public synchronized Map<MessageId, MessageSummary> find(UserId user, List<MessageId> ids) {
        Instant oldest = clock.instant().minus(timeToLive);
        Map<MessageId, MessageSummary> found = new HashMap<>();
        for (MessageId id : ids) {
            Key key = new Key(user, id);
            Entry entry = entries.get(key);
            if (entry != null && entry.storedAt().isBefore(oldest)) {
                entries.remove(key);
                entry = null;
            }
            if (entry == null) {
                misses++;
            } else {
                hits++;
                found.put(id, entry.summary());
            }
        }
        return found;
    }

    public synchronized void store(UserId user, List<MessageSummary> summaries) {
        if (maxEntries == 0) return;
        Instant now = clock.instant();
        summaries.forEach(s -> entries.put(new Key(user, s.id()), new Entry(s, now)));
    }

    public synchronized void forget(UserId user) {
        entries.keySet().removeIf(key -> key.user().equals(user));
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized Stats stats() {
        return new Stats(hits, misses, entries.size());
    }
}
