package dev.gmailserverauth.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, handed to the driver through its documented {@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name} properties. Left to itself, the driver copies the library out of the jar and then
 * compares the copy with the jar's entry one byte at a time through {@code InputStream.read()}: about a hundred
 * milliseconds of CPU on the path to a server's first answer, for 1.1 MB (decision 0046). Here the same library
 * (the entry the driver would pick for this platform) is copied in bulk into a new folder only this user can
 * read (so nothing else can have placed or changed it), loaded from there, and the copy deleted once loaded (the
 * loaded library stays mapped). A path set by the operator is left alone, and anything unexpected leaves the driver
 * to find its library as it always does.
 */
final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);

    /** Guarded by the class: whether this JVM's driver was already handed its library (or left to find it). */
    private static boolean prepared;
    /** Guarded by the class: the copy made for the driver, deleted once the driver loaded it. */
    private static Optional<Path> copy = Optional.empty();

    private SqliteNativeLibrary() {
    }

    /** Before the first SQLite connection of this JVM: puts the library where the driver will load it from. */
    static synchronized void prepare() {
        if (prepared) return;
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) return;
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        if (!LibraryLoaderUtil.hasNativeLib(folder, name)) return;
        try (InputStream library = LibraryLoaderUtil.class.getResourceAsStream(folder + "/" + name)) {
            if (library == null) return;
            Path privateFolder = Files.createTempDirectory("gmail-server-auth-sqlite-");
            privateFolder.toFile().deleteOnExit();
            Path file = privateFolder.resolve(name);
            Files.copy(library, file);
            file.toFile().deleteOnExit();
            System.setProperty(PATH_PROPERTY, privateFolder.toString());
            System.setProperty(NAME_PROPERTY, name);
            copy = Optional.of(file);
        } catch (IOException e) {
            LOG.debug("could not copy SQLite's native library out of the jar ({}); the driver copies it itself", e.getMessage());
        }
    }

    /** Once the first connection is open (the library is loaded): deletes the copy, so that no start leaves one behind. */
    static synchronized void loaded() {
        copy.ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException e) {
                LOG.debug("the copy of SQLite's native library stays until the JVM exits: {}", e.getMessage());
            }
            System.clearProperty(PATH_PROPERTY);
            System.clearProperty(NAME_PROPERTY);
        });
        copy = Optional.empty();
    }
}
