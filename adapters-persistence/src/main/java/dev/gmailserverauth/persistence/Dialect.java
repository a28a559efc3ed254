package dev.gmailserverauth.persistence;

/**
 * The two databases this adapter speaks. Their SQL is the same (upserts with {@code ON CONFLICT},
 * {@code DELETE ... RETURNING}, epoch-millisecond BIGINTs); what differs is setup, migrations and the
 * refresh lock.
 */
enum Dialect {
    SQLITE("jdbc:sqlite:", "sqlite"),
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String migrationFolder;

    Dialect(String urlPrefix, String migrationFolder) {
        this.urlPrefix = urlPrefix;
        this.migrationFolder = migrationFolder;
    }

    static Dialect of(PersistenceConfig config) {
        for (Dialect dialect : values()) {
            if (config.jdbcUrl().startsWith(dialect.urlPrefix)) return dialect;
        }
        throw new PersistenceConfigurationException("unsupported JDBC URL " + config.redactedJdbcUrl()
                + ": expected jdbc:sqlite:<path to a database file> or jdbc:postgresql://<host>[:<port>]/<database>");
    }

    String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    String urlPrefix() {
        return urlPrefix;
    }
}
