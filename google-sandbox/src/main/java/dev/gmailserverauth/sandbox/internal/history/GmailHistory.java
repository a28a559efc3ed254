package dev.gmailserverauth.sandbox.internal.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One mailbox's change history, as {@code users.history.list} serves it: records in increasing id order, kept for
 * the configured retention; ids at or below the floor are gone (a start before it gets 404). Also the mailbox's
 * push watch. Thread-safe; the mailbox records its changes here under its own lock.
 */
public final class GmailHistory {
    private final String email;
    private final GmailHistories shared;
    private final List<GmailHistoryRecord> records = new ArrayList<>();
    private long current;
    private long floor;
    private Optional<GmailWatch> watch = Optional.empty();

    GmailHistory(String email, long start, GmailHistories shared) {
        this.email = email;
        this.shared = shared;
        this.current = start;
        this.floor = start;
    }

    /** The mailbox's current history id. */
    public synchronized long current() {
        return current;
    }

    public void messageAdded(long id, String messageId, String threadId, List<String> labels) {
        record(new GmailHistoryRecord(id, now(), GmailHistoryRecord.Type.MESSAGE_ADDED, messageId, threadId, labels, List.of()));
    }

    public void messageDeleted(long id, String messageId, String threadId, List<String> labels) {
        record(new GmailHistoryRecord(id, now(), GmailHistoryRecord.Type.MESSAGE_DELETED, messageId, threadId, labels, List.of()));
    }

    /** Labels put on a message ({@code labelsAfter} = its labels now); nothing is recorded for none. */
    public void labelsAdded(long id, String messageId, String threadId, List<String> labelsAfter, List<String> added) {
        if (added.isEmpty()) return;
        record(new GmailHistoryRecord(id, now(), GmailHistoryRecord.Type.LABEL_ADDED, messageId, threadId, labelsAfter, added));
    }

    /** Labels taken off a message ({@code labelsAfter} = its labels now); nothing is recorded for none. */
    public void labelsRemoved(long id, String messageId, String threadId, List<String> labelsAfter, List<String> removed) {
        if (removed.isEmpty()) return;
        record(new GmailHistoryRecord(id, now(), GmailHistoryRecord.Type.LABEL_REMOVED, messageId, threadId, labelsAfter, removed));
    }

    /** Forgets every record with an id below {@code id}: a start before it gets 404 from now on. */
    public synchronized void expireBelow(long id) {
        records.removeIf(r -> r.id() < id);
        floor = Math.max(floor, Math.min(id - 1, current));
    }

    private void record(GmailHistoryRecord change) {
        Optional<WatchNotice> notice;
        synchronized (this) {
            if (change.id() <= current) throw new IllegalStateException("history ids only grow: " + change.id() + " after " + current);
            records.add(change);
            current = change.id();
            notice = watch.filter(w -> w.expiration().isAfter(change.at())).filter(w -> w.wants(change))
                    .map(w -> new WatchNotice(email, change.id(), w.topic()));
        }
        notice.ifPresent(shared::notifyWatcher);
    }

    /** The records after {@code start} (retention applied first), or empty when {@code start} is before the floor. */
    synchronized Optional<List<GmailHistoryRecord>> after(long start) {
        expireOld();
        if (start < floor) return Optional.empty();
        return Optional.of(records.stream().filter(r -> r.id() > start).toList());
    }

    synchronized GmailWatch watch(String topic, List<String> labelIds, boolean include) {
        GmailWatch started = new GmailWatch(topic, labelIds, include, now().plus(GmailWatches.LIFETIME));
        watch = Optional.of(started);
        return started;
    }

    synchronized void stop() {
        watch = Optional.empty();
    }

    synchronized Optional<GmailWatch> currentWatch() {
        return watch.filter(w -> w.expiration().isAfter(now()));
    }

    String email() {
        return email;
    }

    private void expireOld() {
        Instant oldestKept = now().minus(shared.retention());
        while (!records.isEmpty() && records.get(0).at().isBefore(oldestKept)) {
            floor = Math.max(floor, records.remove(0).id());
        }
    }

    private Instant now() {
        return shared.clock().now();
    }
}
