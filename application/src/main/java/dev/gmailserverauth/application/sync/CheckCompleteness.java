package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.domain.port.SyncStates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The daily safety net: compares a recent window of the mailbox at Gmail (its message ids) with the index,
 * adds what the index lacks, removes what Gmail no longer has, tells each repair as a message event (a receiver missed
 * it as the index did), and counts every difference it repaired. Run it
 * right after a sync, so that a difference is a real miss and not a change still on its way.
 */
public final class CheckCompleteness {
    private final AuthorizedAccess access;
    private final Mailbox mailbox;
    private final SyncStates states;
    private final MessageIndex index;
    private final TellingIndex telling;
    private final SyncSettings settings;
    private final Clock clock;

    public CheckCompleteness(AuthorizedAccess access, Mailbox mailbox, SyncStates states, MessageIndex index, TellingIndex telling,
            SyncSettings settings, Clock clock) {
        this.access = Objects.requireNonNull(access);
        this.mailbox = Objects.requireNonNull(mailbox);
        this.states = Objects.requireNonNull(states);
        this.index = Objects.requireNonNull(index);
        this.telling = Objects.requireNonNull(telling);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What a check came to. */
    public sealed interface Outcome {
        <R> R fold(Function<Checked, R> checked, Function<Skipped, R> skipped);

        /** The window was compared; {@code missing} were added and {@code extra} removed. */
        record Checked(int compared, int missing, int extra) implements Outcome {
            public int repaired() {
                return missing + extra;
            }

            @Override
            public <R> R fold(Function<Checked, R> checked, Function<Skipped, R> skipped) {
                return checked.apply(this);
            }
        }

        /** Not now: not an active, backfilled sync, the grant did not open, or Gmail did not answer in time. */
        record Skipped(String why) implements Outcome {
            @Override
            public <R> R fold(Function<Checked, R> checked, Function<Skipped, R> skipped) {
                return skipped.apply(this);
            }
        }
    }

    public Outcome check(UserId user) {
        Optional<SyncState> state = states.find(user)
                .filter(s -> s.status() == SyncStatus.ACTIVE && s.progress().backfill().isEmpty());
        if (state.isEmpty()) return new Outcome.Skipped("not an active, backfilled sync");
        return access.open(user).fold(granted -> check(user, state.get(), granted.grant()),
                denied -> new Outcome.Skipped("the grant does not open"));
    }

    private Outcome check(UserId user, SyncState current, MailboxGrant grant) {
        Instant since = clock.instant().minus(settings.completenessWindow());
        SyncProgress progress = current.progress();
        Step<Outcome> step = SyncReads.listAll(grant, mailbox, SyncReads.after(since), settings.gapLimit()).flatMap(atGmail -> {
            Set<MessageId> indexed = new HashSet<>(index.idsSince(user, since));
            List<MessageId> missing = atGmail.stream().filter(id -> !indexed.contains(id)).toList();
            Set<MessageId> present = new HashSet<>(atGmail);
            List<MessageId> extra = indexed.stream().filter(id -> !present.contains(id)).toList();
            return SyncReads.summarize(grant, mailbox, missing, clock.instant()).map(found -> {
                List<IndexWrite> writes = new ArrayList<>();
                found.forEach(summary -> writes.add(new IndexWrite.Put(summary)));
                extra.forEach(id -> writes.add(new IndexWrite.Remove(id)));
                if (telling.apply(user, grant.email(), writes, progress, progress).isEmpty()) return new Outcome.Skipped("a sync moved the progress meanwhile");
                Outcome.Checked checked = new Outcome.Checked(atGmail.size(), found.size(), extra.size());
                if (checked.repaired() > 0) states.recordRepairs(user, checked.repaired());
                return checked;
            });
        });
        return step.fold(Step.Got::value, wait -> new Outcome.Skipped("quota spent"), gone -> new Outcome.Skipped("Gmail refused: " + gone.detail()),
                ended -> new Outcome.Skipped("the grant ended"));
    }
}
