package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import java.util.List;
import java.util.Optional;

/** Driven port for storing credentials, one per user, keyed by the provider's user id. */
public interface CredentialRepository {

    /** Stores the credential, replacing whatever was stored for that user. */
    void save(StoredCredential credential);

    Optional<StoredCredential> findByUserId(UserId userId);

    /**
     * The credentials whose refresh token starts with this prefix, as Google's {@code token-revoked}
     * event names a token (in practice one credential, or none).
     */
    List<StoredCredential> findByRefreshTokenPrefix(RefreshTokenPrefix prefix);

    /**
     * The credentials whose refresh token has this double SHA-512, as Google's {@code token-revoked} event names a
     * token with {@code hash_base64_sha512_sha512} (in practice one credential, or none).
     */
    List<StoredCredential> findByRefreshTokenHash(RefreshTokenHash hash);

    /** The credentials stored for this email address, exactly as Google reported it (in practice one, or none). */
    List<StoredCredential> findByEmail(EmailAddress email);

    /** Forgets the user's credential; true when there was one. */
    boolean delete(UserId userId);
}
