package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.persistence.crypto.TokenCipher;
import java.util.Map;

/**
 * A table whose rows hold sealed values. Its store re-encrypts its own rows during a key rotation and
 * says which keys its rows use, so that the rotation and the key registry never reach into its SQL.
 */
public interface SealedRows {

    /** The table, as reports and log lines name it. */
    String table();

    /** How many rows each key id seals. */
    Map<String, Integer> rowsByKey();

    /**
     * Re-encrypts up to {@code limit} rows that are not sealed by {@code sealer}'s key yet. Each row is
     * rewritten with a compare-and-set on its old ciphertext, so a row saved meanwhile is left as it is.
     *
     * @return how many rows were rewritten; 0 when none is left (or every one left changed meanwhile)
     */
    int reencrypt(TokenCipher.Sealer sealer, int limit);
}
