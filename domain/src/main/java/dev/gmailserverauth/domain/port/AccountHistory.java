package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.UserId;
import java.util.List;

/**
 * Driven port for keeping what happened to each person's grant, for their connection page. Bounded: a
 * store keeps the latest {@link #MAX_ENTRIES} entries per person and drops older ones as new ones come.
 */
public interface AccountHistory {
    int MAX_ENTRIES = 50;

    void append(UserId userId, HistoryEntry entry);

    /** The latest entries, newest first, at most {@code limit} (and never more than {@link #MAX_ENTRIES}). */
    List<HistoryEntry> latest(UserId userId, int limit);

    /** Forgets the person's whole history; returns how many entries there were. */
    int deleteAllOf(UserId userId);
}
