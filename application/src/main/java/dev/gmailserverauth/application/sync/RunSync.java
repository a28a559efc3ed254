package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.Backfill;
import dev.gmailserverauth.domain.model.ChangesPage;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailboxChange;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxChanges;
import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.SyncJobs;
import dev.gmailserverauth.domain.port.SyncStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One sync run for one account, as a scheduled job runs it while nobody is looking.
 *
 * <ol>
 *   <li>The grant is opened as for a web request ({@link AuthorizedAccess#open}): refreshes and grant endings behave
 *       the same. A grant that ended stops the sync ({@link EndSync#stop}); a new sign-in required pauses it.</li>
 *   <li>No sync yet (or a stopped one): the mailbox's current history id becomes the checkpoint, a backfill
 *       of the newest messages is planned, and the account's periodic jobs (poll, watch, completeness) are scheduled.</li>
 *   <li>Incremental: every page of {@code history.list} after the checkpoint; added messages are summarized in
 *       batches; each page is applied with the progress in one transaction, the last one with the new checkpoint, and
 *       with the message events that tell what it changed ({@link TellingIndex}).</li>
 *   <li>History too old: the gap is filled, bounded ({@link #fillGap}); the account is never marked broken for it.</li>
 *   <li>One backfill slice (told to nobody: those messages were there before the connection), then the run ends and asks to run again, so that a huge backfill takes turns with
 *       every other account.</li>
 * </ol>
 * Everything written is idempotent and guarded by the stored progress, so a run that dies half-way, runs twice
 * or overlaps another changes nothing twice.
 */
public final class RunSync {
    /**
     * Between two backfill slices. A slice of 100 metadata reads costs 500 units on Gmail's long-standing table and
     * 2,000 on the table of projects created since May 2026 (6,000 a minute): one slice every 30 s leaves at least a
     * third of a new project's minute to the person's own reads, however large the mailbox.
     */
    static final Duration BACKFILL_PAUSE = Duration.ofSeconds(30);
    /**
     * How far Gmail's clock (a message's {@code internalDate}) may run behind ours: a backfill tells as received what
     * arrived from this long before the sync began (a message told that arrived just before the connection is news
     * still; one missed is not).
     */
    static final Duration ARRIVAL_SKEW = Duration.ofMinutes(1);
    /** At most this many summaries are kept between runs (about a kilobyte each): four gap fills at their limit at once. */
    static final int FETCHED_SUMMARIES = 20_000;
    private final AuthorizedAccess access;
    private final MailboxChanges changes;
    private final Mailbox mailbox;
    private final SyncStates states;
    private final MessageIndex index;
    private final TellingIndex telling;
    private final EndSync endSync;
    private final SyncJobs jobs;
    private final SyncSettings settings;
    private final Clock clock;
    /** Summaries read for a catch-up that Gmail's per-user minute cut short, for the run after the wait. */
    private final FetchedSummaries fetched = FetchedSummaries.keeping(FETCHED_SUMMARIES);

    public RunSync(AuthorizedAccess access, MailboxChanges changes, Mailbox mailbox, SyncStates states, MessageIndex index, TellingIndex telling,
            EndSync endSync, SyncJobs jobs, SyncSettings settings, Clock clock) {
        this.access = Objects.requireNonNull(access);
        this.changes = Objects.requireNonNull(changes);
        this.mailbox = Objects.requireNonNull(mailbox);
        this.states = Objects.requireNonNull(states);
        this.index = Objects.requireNonNull(index);
        this.telling = Objects.requireNonNull(telling);
        this.endSync = Objects.requireNonNull(endSync);
        this.jobs = Objects.requireNonNull(jobs);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /** How a run ended, and when the account's sync should run next. */
    public sealed interface Outcome {
        <R> R fold(Function<Synced, R> synced, Function<Again, R> again, Function<Paused, R> paused, Function<Stopped, R> stopped);

        /** The index caught up with the mailbox; the next run is the poll's (or a notification's). */
        record Synced(int pages, int applied) implements Outcome {
            @Override
            public <R> R fold(Function<Synced, R> synced, Function<Again, R> again, Function<Paused, R> paused, Function<Stopped, R> stopped) {
                return synced.apply(this);
            }
        }

        /** More to do (a backfill slice, a notification that came during the run, a quota spent): run again at {@code at}. */
        record Again(Instant at, String why) implements Outcome {
            public Again {
                Objects.requireNonNull(at, "at");
                Objects.requireNonNull(why, "why");
            }

            @Override
            public <R> R fold(Function<Synced, R> synced, Function<Again, R> again, Function<Paused, R> paused, Function<Stopped, R> stopped) {
                return again.apply(this);
            }
        }

        /** The person must sign in again: nothing is read until then, nothing is lost. */
        record Paused() implements Outcome {
            @Override
            public <R> R fold(Function<Synced, R> synced, Function<Again, R> again, Function<Paused, R> paused, Function<Stopped, R> stopped) {
                return paused.apply(this);
            }
        }

        /** The grant ended (or there never was one): the account is no longer synced. */
        record Stopped(ConsentReason reason) implements Outcome {
            @Override
            public <R> R fold(Function<Synced, R> synced, Function<Again, R> again, Function<Paused, R> paused, Function<Stopped, R> stopped) {
                return stopped.apply(this);
            }
        }
    }

    public Outcome run(UserId user) {
        Instant startedAt = clock.instant();
        return access.open(user).fold(granted -> run(user, granted.grant(), startedAt), denied -> ended(user, denied.consent()));
    }

    private Outcome run(UserId user, MailboxGrant grant, Instant startedAt) {
        Optional<SyncState> known = states.find(user).filter(state -> state.status() != SyncStatus.STOPPED);
        if (known.isEmpty()) {
            Optional<Outcome> notStarted = start(grant);
            if (notStarted.isPresent()) return notStarted.get();
        } else if (known.get().status() == SyncStatus.PAUSED) {
            states.setStatus(user, SyncStatus.ACTIVE);
        }
        return incremental(new Run(grant, startedAt, new int[2]));
    }

    /** A new sync: the checkpoint first (so nothing that happens during the backfill is missed), then the backfill is planned. */
    private Optional<Outcome> start(MailboxGrant grant) {
        UserId user = grant.user();
        states.find(user).ifPresent(stopped -> {
            index.deleteAllOf(user);
            states.delete(user);
        });
        return Step.of(grant.call(changes::currentHistoryId)).fold(
                got -> {
                    states.begin(SyncState.starting(user, grant.email(), got.value(), Backfill.of(settings.backfill()), clock.instant()));
                    jobs.keepSyncing(user);
                    return Optional.empty();
                },
                wait -> Optional.of(new Outcome.Again(wait.until(), "quota spent")),
                gone -> Optional.of(new Outcome.Again(clock.instant().plus(settings.pollInterval()), "no history id: " + gone.detail())),
                ended -> Optional.of(ended(user, ended.consent())));
    }

    private Outcome ended(UserId user, ConsentRequired consent) {
        boolean known = states.find(user).isPresent();
        if (consent.reason() == ConsentReason.REAUTHENTICATION_REQUIRED || consent.reason() == ConsentReason.INSUFFICIENT_SCOPE) {
            if (known) states.setStatus(user, SyncStatus.PAUSED);
            return new Outcome.Paused();
        }
        if (known) endSync.stop(user);
        return new Outcome.Stopped(consent.reason());
    }

    /** One run: its grant, when it began, and its tally of history pages read and index writes applied. */
    private record Run(MailboxGrant grant, Instant startedAt, int[] tally) {
        UserId user() {
            return grant.user();
        }
    }

    /**
     * Follows the history from the checkpoint. A run no notification asked for (the safety poll, a resumed backfill)
     * first asks Gmail for the mailbox's current history id ({@code getProfile}, 1 unit): when it is still the
     * checkpoint nothing happened, and {@code history.list} (2 units) is not called. That halves what an idle mailbox
     * costs a day; a notification's run goes straight to the history, which it knows has moved.
     */
    private Outcome incremental(Run run) {
        SyncState state = states.find(run.user()).orElseThrow();
        SyncProgress progress = state.progress();
        if (state.pendingSince().isPresent()) return fromPage(run, progress, Optional.empty());
        return conclude(run, Step.of(run.grant().call(changes::currentHistoryId)).map(current -> current.equals(progress.checkpoint())
                ? caughtUp(run, progress) : fromPage(run, progress, Optional.empty())));
    }

    /** One page of history after the checkpoint; the next pages follow until the last moves the checkpoint. */
    private Outcome fromPage(Run run, SyncProgress progress, Optional<PageToken> page) {
        return Step.of(run.grant().call(token -> changes.changesSince(token, progress.checkpoint(), page))).fold(
                got -> applyPage(run, progress, got.value()),
                this::waited,
                gone -> fillGap(run, progress),
                ended -> ended(run.user(), ended.consent()));
    }

    private Outcome applyPage(Run run, SyncProgress progress, ChangesPage page) {
        run.tally()[0]++;
        return conclude(run, writesFor(run, progress, page.changes()).map(writes -> {
            SyncProgress next = page.nextPage().isPresent() ? progress : progress.withCheckpoint(page.historyId());
            if (telling.apply(run.user(), run.grant().email(), writes, progress, next).isEmpty()) return movedMeanwhile();
            if (page.nextPage().isEmpty()) fetched.done(run.user());
            run.tally()[1] += writes.size();
            return page.nextPage().map(more -> fromPage(run, progress, Optional.of(more))).orElseGet(() -> caughtUp(run, next));
        }));
    }

    private Outcome caughtUp(Run run, SyncProgress progress) {
        states.recordSynced(run.user(), clock.instant(), run.startedAt());
        if (progress.backfill().isPresent()) return backfillSlice(run, progress, progress.backfill().get());
        boolean notifiedMeanwhile = states.find(run.user()).flatMap(SyncState::pendingSince).isPresent();
        if (notifiedMeanwhile) return new Outcome.Again(clock.instant(), "notified during the run");
        return new Outcome.Synced(run.tally()[0], run.tally()[1]);
    }

    /** One slice of the backfill: a page of the newest messages, summarized and indexed with the backfill's progress. */
    private Outcome backfillSlice(Run run, SyncProgress progress, Backfill backfill) {
        MailQuery query = new MailQuery(SearchQuery.ALL, backfill.nextPage(), new PageSize(Math.min(backfill.remaining(), settings.backfillSlice())));
        Step<Outcome> slice = Step.of(run.grant().call(token -> mailbox.listMessages(token, query))).flatMap(refs ->
                SyncReads.summarize(run.grant(), mailbox, refs.items().stream().map(MessageRef::id).toList(), clock.instant())
                        .map(found -> applyBackfill(run, progress, found, refs.nextPageToken(), refs.items().size())));
        return conclude(run, slice);
    }

    private Outcome applyBackfill(Run run, SyncProgress progress, List<MessageSummary> found, Optional<PageToken> nextPage, int listed) {
        Backfill backfill = progress.backfill().orElseThrow();
        Optional<Backfill> left = Optional.of(new Backfill(nextPage, backfill.taken() + listed, backfill.wanted()))
                .filter(b -> b.nextPage().isPresent() && b.remaining() > 0);
        List<IndexWrite> writes = found.stream().<IndexWrite>map(IndexWrite.Put::new).toList();
        // The list ran out before the wanted count: the index now holds the whole mailbox.
        SyncProgress next = left.isPresent() || nextPage.isPresent() ? reachedBack(progress.withBackfill(left), found) : progress.whole();
        // Mail that arrived since the sync began is told as it is indexed here (the history finds it indexed later).
        Instant began = states.find(run.user()).map(SyncState::startedAt).orElse(run.startedAt()).minus(ARRIVAL_SKEW);
        if (telling.backfill(run.user(), run.grant().email(), writes, progress, next, began).isEmpty()) return movedMeanwhile();
        run.tally()[1] += writes.size();
        // The next slice waits: the backfill shares the person's per-minute quota with their own page views, which come first.
        return left.isPresent() ? new Outcome.Again(clock.instant().plus(BACKFILL_PAUSE), "backfill continues")
                : new Outcome.Synced(run.tally()[0], run.tally()[1]);
    }

    /** The window the index holds reaches back to the oldest message this slice took (the list is newest first). */
    private static SyncProgress reachedBack(SyncProgress progress, List<MessageSummary> found) {
        return found.stream().map(MessageSummary::date).min(Instant::compareTo).map(progress::completeAfter).orElse(progress);
    }

    /**
     * The history is too old. A fresh checkpoint is taken first; then what Gmail holds since the last good sync
     * (less an overlap) is listed and reconciled with the index: missing messages are added, vanished ones removed,
     * listed ones refreshed (their labels may have changed). The account is never marked broken and the mailbox is
     * read from the top only when the index is empty (or the gap is larger than {@link SyncSettings#gapLimit()}).
     */
    private Outcome fillGap(Run run, SyncProgress stale) {
        // A gap larger than a minute of quota takes several runs: the checkpoint of the first and what it read are kept.
        FetchedSummaries.Held held = fetched.of(run.user(), stale.checkpoint());
        Step<HistoryId> fresh = held.gapCheckpoint().<Step<HistoryId>>map(Step.Got::new).orElseGet(() ->
                Step.of(run.grant().call(changes::currentHistoryId)).map(taken -> {
                    held.gapCheckpoint(taken);
                    return taken;
                }));
        return conclude(run, fresh.flatMap(checkpoint -> {
            SyncState state = states.find(run.user()).orElseThrow();
            Instant since = state.lastSynced().orElse(state.startedAt()).minus(settings.gapOverlap());
            if (index.count(run.user()) == 0) return new Step.Got<>(refill(run, stale, checkpoint, since, "the index was empty"));
            return SyncReads.listAll(run.grant(), mailbox, SyncReads.after(since), settings.gapLimit()).flatMap(atGmail -> {
                if (atGmail.size() > settings.gapLimit()) {
                    return new Step.Got<>(refill(run, stale, checkpoint, since, "the gap held more than " + settings.gapLimit() + " messages"));
                }
                return SyncReads.summarize(run.grant(), mailbox, atGmail, clock.instant(), held)
                        .map(summaries -> reconcile(run, stale, checkpoint, since, atGmail, summaries));
            });
        }));
    }

    private Outcome reconcile(Run run, SyncProgress stale, HistoryId checkpoint, Instant since, List<MessageId> atGmail, List<MessageSummary> summaries) {
        Set<MessageId> indexed = new HashSet<>(index.idsSince(run.user(), since));
        Set<MessageId> present = new HashSet<>(atGmail);
        List<IndexWrite> writes = new ArrayList<>();
        summaries.forEach(summary -> writes.add(new IndexWrite.Put(summary)));
        indexed.stream().filter(id -> !present.contains(id)).forEach(id -> writes.add(new IndexWrite.Remove(id)));
        if (telling.fillGap(run.user(), run.grant().email(), writes, stale, stale.withCheckpoint(checkpoint), since).isEmpty()) {
            return movedMeanwhile();
        }
        fetched.done(run.user());
        long added = atGmail.stream().filter(id -> !indexed.contains(id)).count();
        long removed = writes.size() - summaries.size();
        states.recordGapFilled(run.user(), "history too old: listed " + atGmail.size() + " since " + since + ", added " + added + ", removed "
                + removed + ", refreshed " + (summaries.size() - added));
        run.tally()[1] += writes.size();
        return caughtUp(run, stale.withCheckpoint(checkpoint));
    }

    /** Starts the index over from the newest messages: the only case where the mailbox is read again from the top. */
    private Outcome refill(Run run, SyncProgress stale, HistoryId checkpoint, Instant since, String why) {
        SyncProgress next = new SyncProgress(checkpoint, Optional.of(Backfill.of(settings.backfill())).filter(b -> b.remaining() > 0));
        // Told as a gap with nothing reconciled: what the refill indexes is a backfill, which tells nothing.
        if (telling.fillGap(run.user(), run.grant().email(), List.of(), stale, next, since).isEmpty()) return movedMeanwhile();
        fetched.done(run.user());
        states.recordGapFilled(run.user(), "history too old and " + why + ": refilling the newest " + settings.backfill() + " messages");
        return caughtUp(run, next);
    }

    /**
     * The index writes of a page of changes, in order; added messages as their summaries (a message gone since is left
     * out). A message taken out of spam or trash that the index does not hold (the backfill leaves spam and trash out,
     * as Gmail's list does) is new to the index: it is summarized and put, like an added one.
     */
    private Step<List<IndexWrite>> writesFor(Run run, SyncProgress progress, List<MailboxChange> page) {
        Set<MessageId> added = new LinkedHashSet<>();
        page.forEach(change -> change.fold(a -> added.add(a.message()), d -> false, la -> false, lr -> false));
        Set<MessageId> restored = restoredNotHeld(run.user(), page);
        added.addAll(restored);
        FetchedSummaries.Held held = fetched.of(run.user(), progress.checkpoint());
        return SyncReads.summarize(run.grant(), mailbox, List.copyOf(added), clock.instant(), held).map(summaries -> {
            Map<MessageId, MessageSummary> byId = new HashMap<>();
            summaries.forEach(summary -> byId.put(summary.id(), summary));
            Set<MessageId> put = new HashSet<>();
            List<IndexWrite> writes = new ArrayList<>();
            for (MailboxChange change : page) {
                change.<Optional<IndexWrite>>fold(
                        a -> Optional.ofNullable(byId.get(a.message())).map(IndexWrite.Put::new),
                        d -> Optional.of(new IndexWrite.Remove(d.message())),
                        la -> Optional.of(new IndexWrite.AddLabels(la.message(), la.labels())),
                        lr -> restored.contains(lr.message()) && put.add(lr.message())
                                ? Optional.ofNullable(byId.get(lr.message())).map(IndexWrite.Put::new)
                                : Optional.of(new IndexWrite.RemoveLabels(lr.message(), lr.labels()))).ifPresent(writes::add);
            }
            return writes;
        });
    }

    /** Messages this page takes out of spam or trash that the index does not hold. */
    private Set<MessageId> restoredNotHeld(UserId user, List<MailboxChange> page) {
        Set<MessageId> restored = new LinkedHashSet<>();
        page.forEach(change -> change.fold(a -> false, d -> false, la -> false,
                lr -> lr.labels().stream().anyMatch(IndexView.HIDDEN::contains) && restored.add(lr.message())));
        if (restored.isEmpty()) return restored;
        index.find(user, restored).forEach(held -> restored.remove(held.id()));
        return restored;
    }

    /** The outcome a chain of steps came to: its own when it got that far, else waiting, retrying later, or the grant's end. */
    private Outcome conclude(Run run, Step<Outcome> step) {
        return step.fold(Step.Got::value, this::waited, gone -> new Outcome.Again(clock.instant().plus(settings.pollInterval()),
                "Gmail refused: " + gone.detail()), ended -> ended(run.user(), ended.consent()));
    }

    private <T> Outcome waited(Step.Wait<T> wait) {
        return new Outcome.Again(wait.until(), "quota spent");
    }

    private Outcome movedMeanwhile() {
        return new Outcome.Again(clock.instant(), "another run moved the progress");
    }
}
