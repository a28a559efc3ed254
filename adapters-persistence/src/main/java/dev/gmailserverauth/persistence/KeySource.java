package dev.gmailserverauth.persistence;

import dev.gmailserverauth.persistence.crypto.Keyring;
import java.util.Optional;

/** Where the encryption keys come from, and where a rotated keyring is kept. */
sealed interface KeySource permits ConfiguredKeys, KeyFile {

    /**
     * The keys to use.
     *
     * @param databaseHoldsKeys true when the database already records keys, so a missing key is an error, not a first start
     */
    Keyring load(boolean databaseHoldsKeys);

    /** Remembers a keyring after a rotation step, so that the next start still reads every row. */
    void keep(Keyring keyring);

    /** The keys as the source holds them now, when it can change while the application runs (a key file); empty otherwise. */
    Optional<Keyring> reload();

    /** Names the source in messages, without showing a key. */
    String describe();
}
