package dev.gmailserverauth.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Raw access to a SQLite store's files, for tests that look under the adapter. */
final class SqliteFiles {
    private final Path database;

    SqliteFiles(Path database) {
        this.database = database;
    }

    String jdbcUrl() {
        return "jdbc:sqlite:" + database;
    }

    Path keyFile() {
        return database.resolveSibling(database.getFileName() + ".key");
    }

    /** The database file with its -wal and -shm companions, those that exist. */
    List<Path> filesOnDisk() {
        List<Path> files = new ArrayList<>();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(file)) files.add(file);
        }
        return files;
    }

    boolean anyFileContains(String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (Path file : filesOnDisk()) {
            try {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    byte[] readBlob(String sql, String key) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) values.add(rows.getString(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
