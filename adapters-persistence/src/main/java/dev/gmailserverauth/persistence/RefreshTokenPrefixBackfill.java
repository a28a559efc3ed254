package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.JdbcCredentialRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives credentials stored before schema 3 the hash of their refresh token's prefix, so that Google's
 * {@code token-revoked} event finds them too. A SQL migration cannot do it: the tokens are encrypted.
 * Runs at every start and finds nothing to do once done; each row is updated with a compare-and-set
 * on its ciphertext, so a concurrent save (which writes the hash itself) is never overwritten.
 */
final class RefreshTokenPrefixBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenPrefixBackfill.class);
    private static final int BATCH = 200;

    private RefreshTokenPrefixBackfill() {
    }

    static int run(Jdbc jdbc, TokenCipher cipher) {
        record Row(String userId, byte[] refreshToken) { }
        int total = 0;
        while (true) {
            List<Row> batch = jdbc.query("reading credentials without a refresh token prefix",
                    "SELECT user_id, refresh_token FROM credentials WHERE refresh_token_prefix_sha256 IS NULL ORDER BY user_id LIMIT " + BATCH,
                    statement -> { },
                    row -> new Row(row.getString(1), row.getBytes(2)));
            int done = 0;
            for (Row row : batch) {
                RefreshToken token = new RefreshToken(cipher.open(row.refreshToken(), JdbcCredentialRepository.refreshTokenData(row.userId())));
                done += jdbc.update("recording the refresh token prefix of user " + row.userId(),
                        "UPDATE credentials SET refresh_token_prefix_sha256 = ? WHERE user_id = ? AND refresh_token = ?",
                        statement -> {
                            statement.setString(1, token.prefix().sha256Hex());
                            statement.setString(2, row.userId());
                            statement.setBytes(3, row.refreshToken());
                        });
            }
            total += done;
            if (batch.isEmpty() || done == 0) break;
        }
        if (total > 0) LOG.info("recorded the refresh token prefix of {} credential(s) stored before schema 3", total);
        return total;
    }
}
