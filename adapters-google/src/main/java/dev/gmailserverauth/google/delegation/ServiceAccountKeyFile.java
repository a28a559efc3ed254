package dev.gmailserverauth.google.delegation;

import dev.gmailserverauth.google.GoogleConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A service account key file as the Cloud console downloads it, read once at start. It holds a private key: it is
 * refused when its group or others may read it, and neither its content nor this object's {@link #toString()}
 * shows that key.
 */
public final class ServiceAccountKeyFile {
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path path;
    private final byte[] json;

    private ServiceAccountKeyFile(Path path, byte[] json) {
        this.path = Objects.requireNonNull(path, "path");
        this.json = json.clone();
    }

    /** Reads the file once, after checking that only its owner can read it. */
    public static ServiceAccountKeyFile read(Path path) {
        if (!Files.isRegularFile(path)) throw problem(path, "does not exist or is not a file");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> open = EnumSet.copyOf(posix.readAttributes().permissions());
                open.retainAll(TOO_OPEN);
                if (!open.isEmpty()) {
                    throw problem(path, "can be read or written by its group or others (" + open + "): it holds a private key; "
                            + "run chmod 600 " + path);
                }
            }
            return new ServiceAccountKeyFile(path, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new GoogleConfigurationException("the service account key file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    byte[] json() {
        return json.clone();
    }

    static GoogleConfigurationException problem(Path path, String what) {
        return new GoogleConfigurationException("the service account key file " + path + " " + what);
    }

    @Override
    public String toString() {
        return "ServiceAccountKeyFile[" + path + ", ***]";
    }
}
