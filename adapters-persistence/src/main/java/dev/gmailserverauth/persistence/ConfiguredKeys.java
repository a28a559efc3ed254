package dev.gmailserverauth.persistence;

import dev.gmailserverauth.persistence.crypto.Keyring;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keys handed over in the configuration (required for PostgreSQL: every instance must share them). */
record ConfiguredKeys(Keyring keyring) implements KeySource {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredKeys.class);

    ConfiguredKeys {
        Objects.requireNonNull(keyring, "keyring");
    }

    static ConfiguredKeys parse(String base64Keys) {
        try {
            return new ConfiguredKeys(Keyring.parse(base64Keys));
        } catch (IllegalArgumentException e) {
            throw new PersistenceConfigurationException("the configured encryption key is unusable: " + e.getMessage());
        }
    }

    @Override
    public Keyring load(boolean databaseHoldsKeys) {
        return keyring;
    }

    @Override
    public Optional<Keyring> reload() {
        return Optional.empty();
    }

    @Override
    public void keep(Keyring rotated) {
        // The configuration is not ours to write: the operator must configure the new key before the next start.
        LOG.info("encryption keys are configured: configure key {} (first) before the next start; the database now needs keys {}",
                rotated.current().id(), rotated.ids());
    }

    @Override
    public String describe() {
        return "the configured key";
    }
}
