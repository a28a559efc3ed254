package dev.gmailserverauth.application;

import dev.gmailserverauth.application.sync.EndSync;
import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.LinkedAccounts;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The person disconnects one Google account: stop the mailbox's push watch and forget everything synced (while
 * the grant still works), revoke its grant at the provider, then forget the credential, the cached mail, the
 * account's history and its link to the person. The person's other accounts stay, and so do their sessions;
 * disconnecting their last account ends every session of theirs, as one disconnect did when a person had one account. A token the provider already considers invalid
 * is forgotten all the same. If the provider cannot be reached, nothing is deleted (the exception
 * propagates) so that the user can try again and the grant does not outlive our record of it.
 *
 * <p>What is kept, and the person is told so: one history entry saying when they disconnected, and a
 * sign-in hold if Google reported the account hijacked (disconnecting must not lift it; only Google's
 * {@code account-enabled} does).
 *
 * <p>An account read through Workspace delegation (enrolled, no consent of its own stored) has no grant of the
 * person's to revoke, and its mailbox is the administrator's to remove ({@code mailboxes remove}): disconnecting it
 * only signs the person out of it (the account's link to them goes, and with their last account their sessions);
 * its sync, synced mail and enrolment stay.
 */
public final class Disconnect {
    private final AuthorizationProvider provider;
    private final CredentialRepository credentials;
    private final SessionRepository sessions;
    private final LinkedAccounts links;
    private final SummaryCache cache;
    private final AccountHistory history;
    private final EndSync endSync;
    private final EventRecorder events;
    private final Optional<EnrolledMailboxes> enrolled;
    private final Clock clock;

    public Disconnect(AuthorizationProvider provider, CredentialRepository credentials, SessionRepository sessions, LinkedAccounts links,
            SummaryCache cache, AccountHistory history, EndSync endSync, EventRecorder events, Clock clock) {
        this(provider, credentials, sessions, links, cache, history, endSync, events, Optional.empty(), clock);
    }

    /** With {@code enrolled}, the mailboxes read through Workspace delegation, which disconnecting leaves enrolled and synced. */
    public Disconnect(AuthorizationProvider provider, CredentialRepository credentials, SessionRepository sessions, LinkedAccounts links,
            SummaryCache cache, AccountHistory history, EndSync endSync, EventRecorder events, Optional<EnrolledMailboxes> enrolled,
            Clock clock) {
        this.enrolled = Objects.requireNonNull(enrolled);
        this.provider = Objects.requireNonNull(provider);
        this.credentials = Objects.requireNonNull(credentials);
        this.sessions = Objects.requireNonNull(sessions);
        this.links = Objects.requireNonNull(links);
        this.cache = Objects.requireNonNull(cache);
        this.history = Objects.requireNonNull(history);
        this.endSync = Objects.requireNonNull(endSync);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@code SIGNED_OUT}: an account read through delegation, only unlinked from its person. */
    public enum Result { DISCONNECTED, NOTHING_STORED, SIGNED_OUT }

    public Result disconnect(UserId user) {
        if (credentials.findByUserId(user).isEmpty() && enrolled.flatMap(mailboxes -> mailboxes.findByUserId(user)).isPresent()) {
            unlink(user);
            return Result.SIGNED_OUT;
        }
        endSync.forget(user);
        Optional<StoredCredential> stored = credentials.findByUserId(user);
        stored.ifPresent(credential -> provider.revoke(credential.refreshToken()));
        // account.disconnected commits with the deletion, and only when there was a credential to delete.
        stored.ifPresentOrElse(credential -> events.change(() -> credentials.delete(user),
                        new NewEvent(user, credential.email(), clock.instant(), new EventPayload.AccountDisconnected())),
                () -> credentials.delete(user));
        cache.forget(user);
        unlink(user);
        history.deleteAllOf(user);
        history.append(user, HistoryEntry.of(clock.instant(), HistoryEntry.Kind.DISCONNECTED));
        return stored.isPresent() ? Result.DISCONNECTED : Result.NOTHING_STORED;
    }

    /** The account leaves its person; with their last account go their sessions. */
    private void unlink(UserId user) {
        Optional<LinkedAccount> link = links.find(user);
        links.unlink(user);
        link.map(LinkedAccount::person).filter(person -> links.accountsOf(person).isEmpty()).ifPresent(sessions::deleteAllOf);
    }
}
