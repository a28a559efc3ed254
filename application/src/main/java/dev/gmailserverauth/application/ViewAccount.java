package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AccountHistory;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.SignInHolds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The person looks at their connection: since when the app has access, what they granted, whether (and
 * until when) the access is time-limited, when the tokens were last renewed, and what happened to the
 * grant. From the stores only: no provider call, no secret.
 */
public final class ViewAccount {
    /** How many history entries the page shows. */
    public static final int HISTORY_SHOWN = 20;

    private final CredentialRepository credentials;
    private final AccountHistory history;
    private final SignInHolds holds;
    private final RenewalNotice renewalNotice;
    private final Clock clock;

    public ViewAccount(CredentialRepository credentials, AccountHistory history, SignInHolds holds, RenewalNotice renewalNotice, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials);
        this.history = Objects.requireNonNull(history);
        this.holds = Objects.requireNonNull(holds);
        this.renewalNotice = Objects.requireNonNull(renewalNotice);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What the connection page shows; {@code connection} is empty when nothing is stored (any more). */
    public record Account(UserId user, Optional<Connection> connection, Optional<SignInHold> hold, List<HistoryEntry> history) {
        public Account {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(hold, "hold");
            history = List.copyOf(history);
        }
    }

    /**
     * The stored grant. {@code lastRenewed} is when the tokens last changed (a refresh or a consent), empty
     * while they are those of the first consent.
     */
    public record Connection(EmailAddress email, Instant connectedSince, Scopes scopes, Optional<AccessEnd> accessEnd,
                             Optional<Instant> lastRenewed) {
        public Connection {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(connectedSince, "connectedSince");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(accessEnd, "accessEnd");
            Objects.requireNonNull(lastRenewed, "lastRenewed");
        }

        public boolean timeLimited() {
            return accessEnd.isPresent();
        }
    }

    public Account view(UserId user) {
        Optional<Connection> connection = credentials.findByUserId(user).map(this::connection);
        return new Account(user, connection, holds.find(user), history.latest(user, HISTORY_SHOWN));
    }

    private Connection connection(StoredCredential credential) {
        Optional<Instant> renewed = Optional.of(credential.updatedAt()).filter(at -> at.isAfter(credential.createdAt()));
        return new Connection(credential.email(), credential.createdAt(), credential.grantedScopes(),
                renewalNotice.accessEnd(credential, clock.instant()), renewed);
    }
}
