package dev.gmailserverauth.persistence;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the store. The JDBC URL picks the dialect: {@code jdbc:sqlite:<file>} (embedded, one
 * instance) or {@code jdbc:postgresql://host/db} (several instances).
 *
 * @param encryptionKeyBase64 AES-256 key, base64 of 32 bytes. Optional with SQLite (a key file is
 *     generated next to the database); required with PostgreSQL. Several keys separated by commas mean:
 *     the first encrypts, the others are only read (rolling a new key out to several instances).
 * @param maxPoolSize most connections this instance opens to the database
 */
public record PersistenceConfig(
        String jdbcUrl,
        Optional<String> username,
        Optional<String> password,
        Optional<String> encryptionKeyBase64,
        int maxPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 4;

    public PersistenceConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.isBlank()) throw new IllegalArgumentException("JDBC URL is blank");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(encryptionKeyBase64, "encryptionKeyBase64");
        if (maxPoolSize < 1) throw new IllegalArgumentException("pool size must be at least 1, was " + maxPoolSize);
    }

    /** No credentials, no configured key (SQLite then keeps a key file next to the database), a pool of 4. */
    public static PersistenceConfig of(String jdbcUrl) {
        return new PersistenceConfig(jdbcUrl, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE);
    }

    public PersistenceConfig withEncryptionKey(String base64) {
        Objects.requireNonNull(base64, "encryption key");
        return new PersistenceConfig(jdbcUrl, username, password, Optional.of(base64), maxPoolSize);
    }

    public PersistenceConfig withCredentials(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return new PersistenceConfig(jdbcUrl, Optional.of(user), Optional.of(password), encryptionKeyBase64, maxPoolSize);
    }

    public PersistenceConfig withMaxPoolSize(int size) {
        return new PersistenceConfig(jdbcUrl, username, password, encryptionKeyBase64, size);
    }

    /** The URL without its query string, where a password may hide: fit for logs and messages. */
    public String redactedJdbcUrl() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?***";
    }

    @Override
    public String toString() {
        return "PersistenceConfig[jdbcUrl=" + redactedJdbcUrl()
                + ", username=" + username.orElse("(none)")
                + ", password=" + (password.isPresent() ? "***" : "(none)")
                + ", encryptionKey=" + (encryptionKeyBase64.isPresent() ? "***" : "(key file)")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
