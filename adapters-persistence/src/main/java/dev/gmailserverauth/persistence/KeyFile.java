package dev.gmailserverauth.persistence;

import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.crypto.Keyring;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file of a SQLite database when no key is configured: {@code <database>.key} beside it, owner
 * read/write only (0600), one base64 key per line, the first one current. Generated on the first start.
 */
final class KeyFile implements KeySource {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = """
            # AES-256 encryption key(s) of the database beside this file, base64, the first one current.
            # Keep it secret and back it up together with the database: without it no token can be read.
            """;

    private final Path path;

    KeyFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    static KeyFile besideDatabase(Path database) {
        return new KeyFile(database.resolveSibling(database.getFileName() + ".key"));
    }

    Path path() {
        return path;
    }

    @Override
    public Keyring load(boolean databaseHoldsKeys) {
        if (Files.exists(path)) return read();
        if (databaseHoldsKeys) {
            throw new PersistenceConfigurationException("the key file " + path + " is missing, but the database holds encrypted "
                    + "tokens: restore the key file from a backup, or configure the key the database was written with");
        }
        Keyring generated = Keyring.of(EncryptionKey.generate());
        write(generated);
        LOG.info("generated encryption key {} in {} (owner-only); back it up with the database", generated.current().id(), path);
        return generated;
    }

    @Override
    public void keep(Keyring keyring) {
        write(keyring);
        LOG.info("key file {} now holds keys {} (current {})", path, keyring.ids(), keyring.current().id());
    }

    @Override
    public Optional<Keyring> reload() {
        try {
            return Files.exists(path) ? Optional.of(read()) : Optional.empty();
        } catch (PersistenceConfigurationException e) {
            LOG.warn("re-reading {} failed: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "the key file " + path;
    }

    private Keyring read() {
        tightenPermissions();
        try {
            String content = Files.readString(path, StandardCharsets.US_ASCII);
            StringBuilder keys = new StringBuilder();
            for (String line : content.split("\\R")) {
                if (!line.isBlank() && !line.trim().startsWith("#")) keys.append(line.trim()).append(',');
            }
            return Keyring.parse(keys.toString());
        } catch (IOException e) {
            throw new PersistenceConfigurationException("cannot read the key file " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PersistenceConfigurationException("the key file " + path + " holds no usable key: " + e.getMessage());
        }
    }

    /** Writes the whole file anew and moves it into place, so a crash leaves the old or the new file, never half of one. */
    private void write(Keyring keyring) {
        StringBuilder content = new StringBuilder(HEADER);
        keyring.toBase64().forEach(key -> content.append(key).append('\n'));
        Path temporary = null;
        try {
            temporary = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp", ownerOnly());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new PersistenceConfigurationException("cannot write the key file " + path + ": " + e.getMessage(), e);
        }
    }

    private void tightenPermissions() {
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
            if (!current.equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(path, OWNER_ONLY);
                LOG.warn("key file {} was readable by others ({}); restricted it to its owner", path, PosixFilePermissions.toString(current));
            }
        } catch (UnsupportedOperationException e) {
            LOG.debug("file system of {} has no POSIX permissions", path);
        } catch (IOException e) {
            throw new PersistenceConfigurationException("cannot check the permissions of the key file " + path + ": " + e.getMessage(), e);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        boolean posix = path.getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The write already failed; that error is the one to report.
        }
    }
}
