package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.domain.model.MailboxWatch;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MailboxChanges;
import dev.gmailserverauth.domain.port.SyncStates;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sets up or renews an account's push watch ({@code users.watch} on the configured topic), as Google asks once a
 * day: the expiration Google answers is stored as it came. Without a topic nothing is watched and the poll does it all.
 */
public final class RenewWatch {
    private final AuthorizedAccess access;
    private final MailboxChanges changes;
    private final SyncStates states;
    private final SyncSettings settings;

    public RenewWatch(AuthorizedAccess access, MailboxChanges changes, SyncStates states, SyncSettings settings) {
        this.access = Objects.requireNonNull(access);
        this.changes = Objects.requireNonNull(changes);
        this.states = Objects.requireNonNull(states);
        this.settings = Objects.requireNonNull(settings);
    }

    /** What a renewal came to. */
    public sealed interface Outcome {
        <R> R fold(Function<Renewed, R> renewed, Function<NotWatched, R> notWatched, Function<Failed, R> failed);

        record Renewed(MailboxWatch watch) implements Outcome {
            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<NotWatched, R> notWatched, Function<Failed, R> failed) {
                return renewed.apply(this);
            }
        }

        /** No topic is configured, or the account is not actively synced. */
        record NotWatched() implements Outcome {
            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<NotWatched, R> notWatched, Function<Failed, R> failed) {
                return notWatched.apply(this);
            }
        }

        /** Google refused or the grant did not open; the sync's own run deals with grant endings. */
        record Failed(String reason) implements Outcome {
            @Override
            public <R> R fold(Function<Renewed, R> renewed, Function<NotWatched, R> notWatched, Function<Failed, R> failed) {
                return failed.apply(this);
            }
        }
    }

    public Outcome renew(UserId user) {
        Optional<String> topic = settings.topic();
        boolean active = states.find(user).filter(state -> state.status() == SyncStatus.ACTIVE).isPresent();
        if (topic.isEmpty() || !active) return new Outcome.NotWatched();
        return access.open(user).fold(granted -> watch(user, granted.grant(), topic.get()),
                denied -> new Outcome.Failed("the grant does not open"));
    }

    private Outcome watch(UserId user, MailboxGrant grant, String topic) {
        return Step.of(grant.call(token -> changes.watch(token, topic))).fold(
                got -> {
                    states.recordWatch(user, Optional.of(got.value().expiration()));
                    return new Outcome.Renewed(got.value());
                },
                wait -> new Outcome.Failed("quota spent until " + wait.until()),
                gone -> new Outcome.Failed("Gmail refused the watch: " + gone.detail()),
                ended -> new Outcome.Failed("the grant ended: " + ended.consent().reason()));
    }
}
