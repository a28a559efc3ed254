package dev.gmailserverauth.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server in a temporary folder, on a free loopback port, with trust authentication
 * for the user {@code postgres}. As root it runs as the {@code postgres} system user (PostgreSQL refuses
 * root). {@link #close()} stops it and deletes the folder; a shutdown hook does the same if the JVM exits first.
 */
public final class PostgresProcess implements AutoCloseable {
    public static final String USER = "postgres";
    private static final String HOST = "127.0.0.1";
    private static final int START_ATTEMPTS = 3;

    private final PostgresBinaries binaries;
    private final Path folder;
    private final int port;
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresProcess(PostgresBinaries binaries, Path folder, int port) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
        this.shutdownHook = new Thread(this::stopAndDelete, "postgres-test-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Initializes and starts a server.
     *
     * @param durable false for tests (no fsync: fast, lost on a machine crash), true for honest benchmark numbers
     */
    public static PostgresProcess start(PostgresBinaries binaries, boolean durable) {
        Path folder = createFolder();
        try {
            run(binaries.initdb().toString(), "-D", dataDir(folder).toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            IOException lastFailure = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int port = freePort();
                writeSettings(folder, port, durable);
                try {
                    run(binaries.pgCtl().toString(), "-D", dataDir(folder).toString(), "-l", folder.resolve("server.log").toString(),
                            "-w", "-t", "60", "start");
                    return new PostgresProcess(binaries, folder, port);
                } catch (IOException e) {
                    lastFailure = e; // most likely the port was taken meanwhile: try another
                }
            }
            throw new IOException("PostgreSQL did not start after " + START_ATTEMPTS + " attempts: " + serverLog(folder), lastFailure);
        } catch (IOException e) {
            deleteRecursively(folder);
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    /** The JDBC URL of a database on this server, the user included. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database + "?user=" + USER;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) throw new IllegalArgumentException("not a plain database name: " + name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating test database " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run already.
        }
    }

    private synchronized void stopAndDelete() {
        if (stopped) return;
        stopped = true;
        try {
            run(binaries.pgCtl().toString(), "-D", dataDir(folder).toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException e) {
            // Already gone; nothing else to stop.
        } finally {
            deleteRecursively(folder);
        }
    }

    private static Path dataDir(Path folder) {
        return folder.resolve("data");
    }

    private static void writeSettings(Path folder, int port, boolean durable) throws IOException {
        StringBuilder settings = new StringBuilder("\n# written by PostgresProcess\n")
                .append("port = ").append(port).append('\n')
                .append("listen_addresses = '").append(HOST).append("'\n")
                .append("unix_socket_directories = '").append(folder).append("'\n")
                .append("max_connections = 200\n")
                .append("shared_buffers = 32MB\n");
        if (!durable) settings.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        Path conf = dataDir(folder).resolve("postgresql.auto.conf");
        Files.writeString(conf, settings.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Runs a PostgreSQL program to completion, as the postgres user when this JVM is root. */
    private static void run(String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) full.addAll(List.of("runuser", "-u", USER, "--"));
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in time");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " exited with " + process.exitValue() + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        }
    }

    private static Path createFolder() {
        try {
            Path folder = Files.createTempDirectory("postgres-test");
            if (isRoot()) {
                UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
                Files.setOwner(folder, postgres);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a folder for PostgreSQL (as root, a system user '" + USER + "' is needed)", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String serverLog(Path folder) {
        try {
            return Files.readString(folder.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temporary folder.
        }
    }
}
