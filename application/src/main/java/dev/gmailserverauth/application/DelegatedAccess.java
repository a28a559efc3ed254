package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.Impersonation;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.DelegatedAuthority;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.RefreshLock;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Opens an enrolled mailbox of the Workspace domain through domain-wide delegation: the same {@link MailboxGrant} the
 * mail use cases take from a person's consent, fed by another source of access tokens.
 *
 * <p>There is no refresh token: an access token is minted when none is stored or the stored one ends within
 * {@link #EXPIRY_MARGIN}, and kept (encrypted, by the store) for the other callers and instances. Concurrent callers
 * for one mailbox share one mint in this process, and the {@link RefreshLock} keeps other instances from minting for
 * the same person at the same time: whoever gets the lock second re-reads the store and finds the new token.
 */
public final class DelegatedAccess implements DelegatedGrants {
    /** Mint a new token this long before the stored one expires. */
    public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(15);

    private final EnrolledMailboxes mailboxes;
    private final DelegatedAuthority authority;
    private final RefreshLock lock;
    private final Clock clock;
    private final ConcurrentMap<UserId, CompletableFuture<DelegatedOutcome>> inFlight = new ConcurrentHashMap<>();

    public DelegatedAccess(EnrolledMailboxes mailboxes, DelegatedAuthority authority, RefreshLock lock, Clock clock) {
        this.mailboxes = Objects.requireNonNull(mailboxes);
        this.authority = Objects.requireNonNull(authority);
        this.lock = Objects.requireNonNull(lock);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A grant to the enrolled mailbox of {@code email}, with a token that lives at least the margin; or why not. */
    public DelegatedOutcome open(EmailAddress email) {
        EmailAddress address = new EmailAddress(email.value().toLowerCase(Locale.ROOT));
        Optional<EnrolledMailbox> enrolled = mailboxes.findByEmail(address);
        if (enrolled.isEmpty()) return new DelegatedOutcome.NotEnrolled(address);
        Optional<ExpiringAccessToken> usable = usableToken(enrolled.get(), Optional.empty());
        return usable.map(token -> opened(enrolled.get(), token.token())).orElseGet(() -> mintOnce(enrolled.get(), Optional.empty()));
    }

    /**
     * The enrolled mailbox of {@code user} as the sync and a signed-in person's session open it; empty when it is not
     * enrolled. A refusal an administrator must fix (not delegated, the key, the clock) pauses the reading
     * ({@link ConsentReason#INSUFFICIENT_SCOPE}: the synced mail is kept, enrolling again resumes it); a user who is no
     * longer active, or a token that opens another mailbox, ends it ({@link ConsentReason#CREDENTIALS_REVOKED}).
     */
    @Override
    public Optional<AccessOutcome> open(UserId user) {
        Optional<EnrolledMailbox> enrolled = mailboxes.findByUserId(user);
        if (enrolled.isEmpty()) return Optional.empty();
        DelegatedOutcome outcome = open(enrolled.get().email());
        return Optional.of(outcome.fold(
                opened -> new AccessOutcome.Granted(opened.grant()),
                notEnrolled -> denied(enrolled.get(), ConsentReason.NOT_AUTHORIZED),
                refused -> denied(enrolled.get(), refused.refusal().fold(granted -> ConsentReason.INSUFFICIENT_SCOPE,
                        notDelegated -> ConsentReason.INSUFFICIENT_SCOPE, unknownUser -> ConsentReason.CREDENTIALS_REVOKED,
                        clockSkew -> ConsentReason.INSUFFICIENT_SCOPE, keyRejected -> ConsentReason.INSUFFICIENT_SCOPE,
                        wrongMailbox -> ConsentReason.CREDENTIALS_REVOKED, other -> ConsentReason.INSUFFICIENT_SCOPE))));
    }

    private static AccessOutcome denied(EnrolledMailbox mailbox, ConsentReason reason) {
        return new AccessOutcome.Denied(new ConsentRequired(reason, Optional.of(mailbox.email())));
    }

    private DelegatedOutcome mintOnce(EnrolledMailbox mailbox, Optional<AccessToken> rejected) {
        return SingleFlight.run(inFlight, mailbox.user(), lock, LOCK_TIMEOUT, () -> mintUnderLock(mailbox, rejected));
    }

    private DelegatedOutcome mintUnderLock(EnrolledMailbox known, Optional<AccessToken> rejected) {
        Optional<EnrolledMailbox> current = mailboxes.findByUserId(known.user());
        if (current.isEmpty()) return new DelegatedOutcome.NotEnrolled(known.email());
        Optional<ExpiringAccessToken> alreadyFresh = usableToken(current.get(), rejected);
        if (alreadyFresh.isPresent()) return opened(current.get(), alreadyFresh.get().token());
        Impersonation impersonation = authority.impersonate(current.get().email());
        return impersonation.fold(
                granted -> {
                    EnrolledMailbox updated = current.get().withToken(granted.token());
                    mailboxes.save(updated);
                    return opened(updated, granted.token().token());
                },
                DelegatedOutcome.Refused::new, DelegatedOutcome.Refused::new, DelegatedOutcome.Refused::new,
                DelegatedOutcome.Refused::new, DelegatedOutcome.Refused::new, DelegatedOutcome.Refused::new);
    }

    /**
     * After Gmail refused {@code rejected} (401) although it had not expired: one new token, unless another caller
     * already replaced it (then the store holds the replacement). No token to be had: the read ends.
     */
    private Renewal renewAfterRejection(EnrolledMailbox mailbox, AccessToken rejected) {
        Renewal denied = new Renewal.Denied(new ConsentRequired(ConsentReason.CREDENTIALS_REVOKED, Optional.of(mailbox.email())));
        return mintOnce(mailbox, Optional.of(rejected)).fold(
                opened -> mailboxes.findByUserId(mailbox.user()).flatMap(EnrolledMailbox::accessToken)
                        .<Renewal>map(fresh -> new Renewal.Renewed(fresh.token())).orElse(denied),
                notEnrolled -> denied,
                refused -> denied);
    }

    private Optional<ExpiringAccessToken> usableToken(EnrolledMailbox mailbox, Optional<AccessToken> rejected) {
        return mailbox.accessToken()
                .filter(token -> token.isUsableAt(clock.instant(), EXPIRY_MARGIN))
                .filter(token -> rejected.map(r -> !r.equals(token.token())).orElse(true));
    }

    private DelegatedOutcome opened(EnrolledMailbox mailbox, AccessToken token) {
        return new DelegatedOutcome.Opened(grant(mailbox, token));
    }

    /** The one place a delegated grant is built: a 401 is renewed by minting, not by a refresh token. */
    private MailboxGrant grant(EnrolledMailbox mailbox, AccessToken token) {
        return new MailboxGrant(mailbox.user(), mailbox.email(), Optional.empty(), token, rejected -> renewAfterRejection(mailbox, rejected), clock);
    }
}
