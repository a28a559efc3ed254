package dev.gmailserverauth.persistence.testing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving tests a real PostgreSQL server: one server per test JVM, started on first use
 * and stopped when the test run ends, and a fresh database for each test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresServer POSTGRES = new PostgresServer();
 * ... Database.open(PersistenceConfig.of(POSTGRES.jdbcUrl()).withEncryptionKey(key)) ...
 * }</pre>
 *
 * <p>When the PostgreSQL binaries are missing, the tests are skipped with a message, except when the
 * environment variable {@code CI} is {@code true}: there a missing server is a failure.
 */
public final class PostgresServer implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresServer.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresProcess process;
    private String classDatabaseUrl;

    @Override
    public void beforeAll(ExtensionContext context) {
        process = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PostgresProcess.class, key -> startServer(), PostgresProcess.class);
        classDatabaseUrl = newDatabaseUrl();
    }

    /** The JDBC URL (user included, no password needed) of this test class's own database. */
    public String jdbcUrl() {
        return requireStarted(classDatabaseUrl);
    }

    /** Creates another empty database on the shared server and returns its JDBC URL. */
    public String newDatabaseUrl() {
        return requireStarted(process).createDatabase("test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
    }

    /** The user of every database on the server; it logs in without a password. */
    public String username() {
        return PostgresProcess.USER;
    }

    private static PostgresProcess startServer() {
        return PostgresProcess.start(requireBinaries(PostgresBinaries.find(), System.getenv("CI")), false);
    }

    /** The binaries; when missing, skips the calling tests, or fails them when {@code ci} is {@code true}. */
    static PostgresBinaries requireBinaries(Optional<PostgresBinaries> binaries, String ci) {
        if (binaries.isPresent()) return binaries.get();
        if ("true".equalsIgnoreCase(ci)) {
            throw new IllegalStateException(PostgresBinaries.NOT_FOUND + ". CI=true: a missing PostgreSQL fails the build instead of skipping tests.");
        }
        return Assumptions.abort(PostgresBinaries.NOT_FOUND + "; skipping the PostgreSQL tests (they fail instead when CI=true).");
    }

    private static <T> T requireStarted(T value) {
        if (value == null) throw new IllegalStateException("PostgresServer is not started: register it with @RegisterExtension on a static field");
        return value;
    }
}
