package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Summaries a run fetched before Gmail's per-user minute ran out, kept for the run that comes back after the wait.
 *
 * <p>A page of history, or a gap fill, is applied whole or not at all; what it needs can cost more than a person's
 * minute of quota (on the 2026 table a metadata read is 20 units, so 6,000 units a minute read 300 messages: a gap of
 * 1,000 takes four minutes). Without this, every run after a wait would read the same first messages again and spend
 * the minute on them: the catch-up would never end. What is kept is valid for one catch-up only, the one that starts
 * at the account's checkpoint {@code from}: a summary fetched after that checkpoint is at least as new as the history
 * the run applies after it, so putting it and then applying the later records in order is right. When the checkpoint
 * moves, what was kept for the old one is dropped. A gap fill keeps its fresh checkpoint here too, taken before its
 * first read, so that every summary it puts is newer than the checkpoint it then stores.
 *
 * <p>In memory, per instance: a run taken over by another instance starts over there, which costs quota, not
 * correctness. Bounded to {@code maxSummaries} in all; the accounts used least recently are dropped first.
 */
final class FetchedSummaries {
    /** What one account's current catch-up holds. */
    static final class Held {
        /** The checkpoint of the catch-up; empty for a read nobody keeps. */
        private final Optional<HistoryId> from;
        private final Map<MessageId, MessageSummary> summaries = new ConcurrentHashMap<>();
        private volatile Optional<HistoryId> gapCheckpoint = Optional.empty();

        private Held(Optional<HistoryId> from) {
            this.from = from;
        }

        private static Held from(HistoryId checkpoint) {
            return new Held(Optional.of(checkpoint));
        }

        /** For a read whose summaries are kept by nobody: applied at once or not at all. */
        static Held forOneRead() {
            return new Held(Optional.empty());
        }

        Optional<MessageSummary> get(MessageId id) {
            return Optional.ofNullable(summaries.get(id));
        }

        void put(MessageSummary summary) {
            summaries.put(summary.id(), summary);
        }

        /** The checkpoint a gap fill took for this catch-up, if it took one. */
        Optional<HistoryId> gapCheckpoint() {
            return gapCheckpoint;
        }

        /** Taken by a gap fill before its first read: what was fetched before it is older than it, so it goes. */
        void gapCheckpoint(HistoryId checkpoint) {
            summaries.clear();
            gapCheckpoint = Optional.of(checkpoint);
        }

        int size() {
            return summaries.size();
        }
    }

    private final int maxSummaries;
    private final LinkedHashMap<UserId, Held> accounts = new LinkedHashMap<>(16, 0.75f, true);

    /** Keeps at most {@code maxSummaries} summaries in all: the run's own memory, not a collaborator it is given. */
    static FetchedSummaries keeping(int maxSummaries) {
        return new FetchedSummaries(maxSummaries);
    }

    private FetchedSummaries(int maxSummaries) {
        if (maxSummaries < 0) throw new IllegalArgumentException("maxSummaries is negative");
        this.maxSummaries = maxSummaries;
    }

    /** What this account's catch-up from {@code from} holds; a catch-up from another checkpoint is dropped. */
    synchronized Held of(UserId user, HistoryId from) {
        Objects.requireNonNull(from, "from");
        Held held = accounts.get(user);
        if (held == null || !held.from.equals(Optional.of(from))) {
            held = Held.from(from);
            accounts.put(user, held);
        }
        trim(user);
        return held;
    }

    /** The catch-up is applied (or the account's sync ended): nothing more is kept for it. */
    synchronized void done(UserId user) {
        accounts.remove(user);
    }

    /** Drops the accounts used least recently while the total is above the bound; the one asked for now stays. */
    private void trim(UserId keep) {
        int total = accounts.values().stream().mapToInt(Held::size).sum();
        // Access order: the account used least recently comes first.
        for (Map.Entry<UserId, Held> entry : new ArrayList<>(accounts.entrySet())) {
            if (total <= maxSummaries) return;
            if (entry.getKey().equals(keep)) continue;
            total -= entry.getValue().size();
            accounts.remove(entry.getKey());
        }
    }
}
