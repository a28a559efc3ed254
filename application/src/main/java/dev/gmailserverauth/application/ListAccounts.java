package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.port.CredentialRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every Google account of a signed-in person, with whether this app can still read it: for the account
 * switcher and {@code GET /api/accounts}. From the stores only, one credential read per account.
 */
public final class ListAccounts {
    private final CredentialRepository credentials;
    private final Clock clock;

    public ListAccounts(CredentialRepository credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Whether the app can read an account. */
    public enum State {
        /** A credential is stored and its refresh token has not reached an announced end. */
        CONNECTED,
        /** The grant ended (revoked, time limit reached, a security event): the person must consent again. */
        NEEDS_RECONNECTING
    }

    /**
     * One account: {@code primary} is the one pages and API calls without {@code account=} show (the one the
     * person signed in with).
     */
    public record AccountState(LinkedAccount account, State state, boolean primary) {
        public AccountState {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(state, "state");
        }
    }

    public List<AccountState> list(SignedIn person) {
        Instant now = clock.instant();
        return person.accounts().stream()
                .map(account -> new AccountState(account, stateOf(account, now), account.account().equals(person.defaultAccount())))
                .toList();
    }

    private State stateOf(LinkedAccount account, Instant now) {
        return credentials.findByUserId(account.account())
                .filter(credential -> credential.refreshTokenExpiresAt().map(now::isBefore).orElse(true))
                .map(StoredCredential::userId)
                .map(stored -> State.CONNECTED)
                .orElse(State.NEEDS_RECONNECTING);
    }
}
