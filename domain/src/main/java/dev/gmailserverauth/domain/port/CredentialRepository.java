package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import java.util.Optional;

/** Driven port for storing credentials, one per user, keyed by the provider's user id. */
public interface CredentialRepository {

    /** Stores the credential, replacing whatever was stored for that user. */
    void save(StoredCredential credential);

    Optional<StoredCredential> findByUserId(UserId userId);

    /** Forgets the user's credential; true when there was one. */
    boolean delete(UserId userId);
}
