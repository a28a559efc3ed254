package dev.gmailserverauth.persistence;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database file a {@code jdbc:sqlite:} URL names, made ready to be opened: readable and writable by
 * this user only (0600), like the key file, since it holds email addresses and user ids in the clear.
 * SQLite gives its {@code -wal} and {@code -shm} files the database file's permissions.
 */
final class SqliteFile {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
        ownerOnly(file);
        return file;
    }

    /** Creates the file 0600 if it is missing, and takes group and other access away from it and its -wal and -shm files. */
    private static void ownerOnly(Path file) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;
        try {
            if (!Files.exists(file)) Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            for (Path each : List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm"))) {
                if (Files.exists(each) && !Files.getPosixFilePermissions(each).equals(OWNER_ONLY)) {
                    LOG.warn("{} was readable by other users; it is now readable and writable by its owner only", each.getFileName());
                    Files.setPosixFilePermissions(each, OWNER_ONLY);
                }
            }
        } catch (IOException e) {
            throw new PersistenceConfigurationException("cannot make the SQLite database " + file + " private to its owner: "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
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
