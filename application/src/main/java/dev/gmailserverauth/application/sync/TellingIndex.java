package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MessageIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies index writes and tells what they changed: {@code message.received}, {@code message.deleted},
 * {@code message.labels_changed} (and {@code sync.gap_filled} after a gap), written to the outbox in the transaction
 * of the writes and the sync progress.
 *
 * <p>In one transaction: the progress is moved first (the compare-and-set, which on PostgreSQL also locks the account's
 * progress row until the commit); then the index is read for the messages the writes touch; then the writes are applied.
 * The events are the difference between what the index held and what the writes make of it: a message the index
 * already held is not received again, one it never held is not deleted, labels already there are no change. So a page
 * applied twice (a notification repeated, two runs overlapping on a page that leaves the checkpoint where it is) tells
 * each change once, and every event is in the order of the writes, so the account's sequence follows the mailbox's.
 */
public final class TellingIndex {
    private final MessageIndex index;
    private final EventRecorder recorder;
    private final Clock clock;

    public TellingIndex(MessageIndex index, EventRecorder recorder, Clock clock) {
        this.index = Objects.requireNonNull(index);
        this.recorder = Objects.requireNonNull(recorder);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What an application told, by kind. */
    public record Told(int received, int deleted, int labelsChanged) {
        /** The messages whose index entry changed. */
        public int messages() {
            return received + deleted + labelsChanged;
        }
    }

    /**
     * Applies {@code writes} and moves the progress from {@code expected} to {@code next}, telling each change; empty when
     * the stored progress was not {@code expected} (nothing written, nothing told).
     */
    public Optional<Told> apply(UserId user, EmailAddress email, List<IndexWrite> writes, SyncProgress expected, SyncProgress next) {
        return apply(user, email, writes, expected, next, Optional.empty());
    }

    /** {@link #apply} after a gap since {@code gapSince}: its changes, then {@code sync.gap_filled} with their count. */
    public Optional<Told> fillGap(UserId user, EmailAddress email, List<IndexWrite> writes, SyncProgress expected, SyncProgress next,
            Instant gapSince) {
        return apply(user, email, writes, expected, next, Optional.of(gapSince));
    }

    private Optional<Told> apply(UserId user, EmailAddress email, List<IndexWrite> writes, SyncProgress expected, SyncProgress next,
            Optional<Instant> gapSince) {
        return write(user, email, writes, expected, next, held -> {
            List<EventPayload> told = new ArrayList<>(changes(held, writes));
            gapSince.ifPresent(since -> told.add(new EventPayload.SyncGapFilled(since, told.size())));
            return told;
        });
    }

    /**
     * A backfill slice: what the mailbox held before the sync began is not news and is told nothing, but a message the
     * index does not hold yet that arrived after {@code arrivedSince} (Gmail's {@code internalDate}) came in while the
     * backfill ran: the history will bring it later and find it indexed, so it is told here, once, as received.
     */
    public Optional<Told> backfill(UserId user, EmailAddress email, List<IndexWrite> writes, SyncProgress expected, SyncProgress next,
            Instant arrivedSince) {
        return write(user, email, writes, expected, next, held -> {
            List<EventPayload> told = new ArrayList<>();
            for (IndexWrite write : writes) {
                write.<Optional<MessageSummary>>fold(put -> Optional.of(put.summary()), remove -> Optional.empty(), add -> Optional.empty(),
                        take -> Optional.empty()).ifPresent(summary -> {
                            boolean arrived = !held.containsKey(summary.id()) && !summary.date().isBefore(arrivedSince);
                            if (arrived) told.add(new EventPayload.MessageReceived(summary));
                            held.put(summary.id(), summary);
                        });
            }
            return told;
        });
    }

    /**
     * In one transaction: moves the progress from {@code expected} to {@code next} (the compare-and-set), reads what the
     * index holds for the messages written, applies the writes, and appends what {@code telling} makes of the writes and
     * what was held.
     */
    private Optional<Told> write(UserId user, EmailAddress email, List<IndexWrite> writes, SyncProgress expected, SyncProgress next,
            Function<Map<MessageId, MessageSummary>, List<EventPayload>> telling) {
        Instant now = clock.instant();
        return recorder.changeTelling(() -> {
            if (!index.apply(user, List.of(), expected, next)) return Optional.empty();
            Map<MessageId, MessageSummary> held = new HashMap<>();
            index.find(user, writes.stream().map(IndexWrite::message).toList()).forEach(summary -> held.put(summary.id(), summary));
            if (!index.apply(user, writes, next, next)) throw new IllegalStateException("the progress moved inside its own transaction");
            return Optional.of(telling.apply(held).stream().map(payload -> new NewEvent(user, email, now, payload)).toList());
        }).map(TellingIndex::count);
    }

    /** The changes {@code writes} make to what the index {@code held}, in order; {@code held} follows along. */
    static List<EventPayload> changes(Map<MessageId, MessageSummary> held, List<IndexWrite> writes) {
        List<EventPayload> told = new ArrayList<>();
        for (IndexWrite write : writes) {
            write.<Optional<EventPayload>>fold(
                    put -> put(held, put.summary()),
                    remove -> Optional.ofNullable(held.remove(remove.message())).map(gone -> new EventPayload.MessageDeleted(gone.id())),
                    add -> relabel(held, add.message(), add.labels(), Set.of()),
                    take -> relabel(held, take.message(), Set.of(), take.labels())).ifPresent(told::add);
        }
        return told;
    }

    private static Optional<EventPayload> put(Map<MessageId, MessageSummary> held, MessageSummary summary) {
        Optional<MessageSummary> before = Optional.ofNullable(held.put(summary.id(), summary));
        if (before.isEmpty()) return Optional.of(new EventPayload.MessageReceived(summary));
        return labelsChanged(before.get().labelIds(), summary);
    }

    private static Optional<EventPayload> relabel(Map<MessageId, MessageSummary> held, MessageId id, Set<LabelId> added, Set<LabelId> removed) {
        Optional<MessageSummary> before = Optional.ofNullable(held.get(id));
        if (before.isEmpty()) return Optional.empty();
        Set<LabelId> labels = new HashSet<>(before.get().labelIds());
        labels.addAll(added);
        labels.removeAll(removed);
        MessageSummary after = before.get().withLabels(labels);
        held.put(id, after);
        return labelsChanged(before.get().labelIds(), after);
    }

    private static Optional<EventPayload> labelsChanged(Set<LabelId> before, MessageSummary after) {
        Set<LabelId> added = new HashSet<>(after.labelIds());
        added.removeAll(before);
        Set<LabelId> removed = new HashSet<>(before);
        removed.removeAll(after.labelIds());
        if (added.isEmpty() && removed.isEmpty()) return Optional.empty();
        return Optional.of(new EventPayload.MessageLabelsChanged(after, added, removed));
    }

    private static Told count(List<NewEvent> events) {
        int[] tally = new int[3];
        events.forEach(event -> event.payload().<Void>fold(
                received -> tick(tally, 0), deleted -> tick(tally, 1), labels -> tick(tally, 2),
                gap -> null, connected -> null, reauthorization -> null, ending -> null, disconnected -> null));
        return new Told(tally[0], tally[1], tally[2]);
    }

    private static Void tick(int[] tally, int kind) {
        tally[kind]++;
        return null;
    }
}
