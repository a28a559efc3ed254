package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.error.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC with the boilerplate taken out: one statement per call on a pooled connection in
 * auto-commit, and every {@link SQLException} turned into a {@link StorageException} naming the operation.
 */
public final class Jdbc {
    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public int update(String operation, String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    public <T> List<T> query(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) result.add(mapper.map(rows));
                return result;
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    public <T> Optional<T> queryOne(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(operation, sql, binder, mapper);
        if (rows.size() > 1) throw new StorageException(operation + " found " + rows.size() + " rows where one was expected");
        return rows.stream().findFirst();
    }

    /** Runs a {@code SELECT key_id, COUNT(*) ... GROUP BY key_id} and returns the counts by key id. */
    public Map<String, Integer> countsByKey(String operation, String sql) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        query(operation, sql, statement -> { }, row -> counts.put(row.getString(1), row.getInt(2)));
        return counts;
    }

    /** Binds a nullable BIGINT. */
    public static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) statement.setNull(index, Types.BIGINT);
        else statement.setLong(index, value);
    }

    /** Binds a nullable BLOB / BYTEA. */
    public static void setNullableBytes(PreparedStatement statement, int index, byte[] value) throws SQLException {
        if (value == null) statement.setNull(index, Types.BINARY);
        else statement.setBytes(index, value);
    }

    /** Reads a nullable BIGINT. */
    public static Optional<Long> getNullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static StorageException failure(String operation, SQLException e) {
        return new StorageException(operation + " failed (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
    }
}
