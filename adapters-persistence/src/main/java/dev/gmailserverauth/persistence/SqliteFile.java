package dev.gmailserverauth.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The database file a {@code jdbc:sqlite:} URL names, made ready to be opened. */
final class SqliteFile {
    private SqliteFile() {
    }

    /** Resolves the file, creates its folder if missing, and fails clearly when it cannot be written. */
    static Path prepare(PersistenceConfig config) {
        Path file = pathOf(config);
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PersistenceConfigurationException("cannot create the folder " + folder + " for the SQLite database: "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new PersistenceConfigurationException("the folder " + folder + " of the SQLite database is not writable "
                    + "(SQLite writes its -wal and -shm files beside the database)");
        }
        if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
            throw new PersistenceConfigurationException("the SQLite database " + file + " is not a writable file");
        }
        return file;
    }

    static Path pathOf(PersistenceConfig config) {
        String location = config.jdbcUrl().substring(Dialect.SQLITE.urlPrefix().length());
        int query = location.indexOf('?');
        if (query >= 0) location = location.substring(0, query);
        if (location.startsWith("file:")) location = location.substring("file:".length());
        if (location.isBlank() || location.contains(":memory:") || location.startsWith(":resource:")) {
            throw new PersistenceConfigurationException("the SQLite URL " + config.redactedJdbcUrl()
                    + " names no database file: an in-memory or temporary database is private to one connection "
                    + "and lost on restart; give a file path, e.g. jdbc:sqlite:data/gmail-server-auth.db");
        }
        try {
            return Path.of(location).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new PersistenceConfigurationException("the SQLite URL " + config.redactedJdbcUrl() + " names no valid path: " + e.getMessage(), e);
        }
    }
}
