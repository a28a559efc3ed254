package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * The user disconnects the application: revoke the grant at the provider, then forget the credential,
 * the cached mail and every session. A token the provider already considers invalid is forgotten all
 * the same. If the provider cannot be reached, nothing is deleted (the exception propagates) so that
 * the user can try again and the grant does not outlive our record of it.
 */
public final class Disconnect {
    private final AuthorizationProvider provider;
    private final CredentialRepository credentials;
    private final SessionRepository sessions;
    private final SummaryCache cache;

    public Disconnect(AuthorizationProvider provider, CredentialRepository credentials, SessionRepository sessions, SummaryCache cache) {
        this.provider = Objects.requireNonNull(provider);
        this.credentials = Objects.requireNonNull(credentials);
        this.sessions = Objects.requireNonNull(sessions);
        this.cache = Objects.requireNonNull(cache);
    }

    public enum Result { DISCONNECTED, NOTHING_STORED }

    public Result disconnect(UserId user) {
        Optional<StoredCredential> stored = credentials.findByUserId(user);
        stored.ifPresent(credential -> provider.revoke(credential.refreshToken()));
        credentials.delete(user);
        cache.forget(user);
        sessions.deleteAllOf(user);
        return stored.isPresent() ? Result.DISCONNECTED : Result.NOTHING_STORED;
    }
}
