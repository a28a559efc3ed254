package dev.gmailserverauth.persistence;

import dev.gmailserverauth.persistence.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** JUnit extension: an open {@link Database} over an empty database for each test, closed after it. */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {
    private final Supplier<PersistenceConfig> newDatabase;
    private final Runnable cleanUp;
    private Database persistence;

    private FreshDatabase(Supplier<PersistenceConfig> newDatabase, Runnable cleanUp) {
        this.newDatabase = newDatabase;
        this.cleanUp = cleanUp;
    }

    /** A new SQLite file in a new temporary folder for each test; its key file is generated. */
    public static FreshDatabase sqlite() {
        Path[] folder = new Path[1];
        return new FreshDatabase(() -> {
            folder[0] = createTempDirectory();
            return PersistenceConfig.of("jdbc:sqlite:" + folder[0].resolve("store.db"));
        }, () -> deleteRecursively(folder[0]));
    }

    /** A new database on the shared PostgreSQL server for each test. */
    public static FreshDatabase postgres(PostgresServer server) {
        return new FreshDatabase(() -> PersistenceConfig.of(server.newDatabaseUrl()).withEncryptionKey(TestKeys.KEY), () -> { });
    }

    public Database get() {
        return persistence;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        persistence = Database.open(newDatabase.get());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (persistence != null) persistence.close();
        } finally {
            cleanUp.run();
        }
    }

    static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("persistence-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (folder == null || !Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
