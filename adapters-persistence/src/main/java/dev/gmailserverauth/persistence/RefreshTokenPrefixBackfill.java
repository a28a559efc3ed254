package dev.gmailserverauth.persistence;

import dev.gmailserverauth.persistence.store.Batches;
import dev.gmailserverauth.persistence.store.JdbcCredentialRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives credentials stored before schema 3 the hash of their refresh token's prefix, so that Google's
 * {@code token-revoked} event finds them too. A SQL migration cannot do it: the tokens are encrypted.
 * Runs at every start and finds nothing to do once done; the credential store updates each row with a
 * compare-and-set on its ciphertext, so a concurrent save (which writes the hash itself) is never overwritten.
 */
final class RefreshTokenPrefixBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenPrefixBackfill.class);
    private static final int BATCH = 200;

    private RefreshTokenPrefixBackfill() {
    }

    static int run(JdbcCredentialRepository credentials) {
        int total = Batches.untilNoneChanged(() -> credentials.recordMissingRefreshTokenPrefixes(BATCH));
        if (total > 0) LOG.info("recorded the refresh token prefix of {} credential(s) stored before schema 3", total);
        return total;
    }
}
