package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.CredentialRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CredentialRepository} in a map, for tests. */
public final class InMemoryCredentialRepository implements CredentialRepository {
    private final Map<UserId, StoredCredential> credentials = new ConcurrentHashMap<>();

    @Override
    public void save(StoredCredential credential) {
        credentials.put(credential.userId(), credential);
    }

    @Override
    public Optional<StoredCredential> findByUserId(UserId userId) {
        return Optional.ofNullable(credentials.get(userId));
    }

    @Override
    public List<StoredCredential> findByRefreshTokenPrefix(RefreshTokenPrefix prefix) {
        return credentials.values().stream().filter(credential -> credential.refreshToken().startsWith(prefix)).toList();
    }

    @Override
    public List<StoredCredential> findByRefreshTokenHash(RefreshTokenHash hash) {
        return credentials.values().stream().filter(credential -> hash.identifies(credential.refreshToken())).toList();
    }

    @Override
    public List<StoredCredential> findByEmail(EmailAddress email) {
        return credentials.values().stream().filter(credential -> credential.email().equals(email)).toList();
    }

    @Override
    public boolean delete(UserId userId) {
        return credentials.remove(userId) != null;
    }
}
