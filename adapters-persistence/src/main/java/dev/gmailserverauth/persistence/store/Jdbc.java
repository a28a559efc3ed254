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
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Plain JDBC with the boilerplate taken out: one statement per call on a pooled connection in
 * auto-commit, and every {@link SQLException} turned into a {@link StorageException} naming the operation.
 *
 * <p>Inside {@link #inSharedTransaction} every call on this thread uses the transaction's one connection instead, so the
 * writes of several stores (a credential and its event) commit together or not at all.
 */
public final class Jdbc {
    private final DataSource dataSource;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

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

    /** Work done on one connection (inside a transaction, or one statement in auto-commit). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public int update(String operation, String sql, Binder binder) {
        return onConnection(operation, connection -> update(connection, sql, binder));
    }

    public <T> List<T> query(String operation, String sql, Binder binder, RowMapper<T> mapper) {
        return onConnection(operation, connection -> query(connection, sql, binder, mapper));
    }

    /** Runs one statement on a connection of {@link #inTransaction}; returns the rows it changed. */
    public static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /** Runs one query on a connection of {@link #inTransaction}. */
    public static <T> List<T> query(Connection connection, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) result.add(mapper.map(rows));
                return result;
            }
        }
    }

    /**
     * Runs {@code work} on the connection of one transaction, committed when it returns and rolled back when it throws,
     * so that nothing of it is stored half-written. Inside {@link #inSharedTransaction} it joins that transaction (the
     * sync's index page commits with the events it tells).
     */
    public <T> T inTransaction(String operation, Work<T> work) {
        return inSharedTransaction(operation, () -> onConnection(operation, work));
    }

    /**
     * Runs {@code work} in one transaction: every call of this {@code Jdbc} it makes on this thread joins it. It commits
     * when {@code work} returns and rolls back when it throws (the exception propagates). A nested call joins the outer
     * transaction.
     */
    public <T> T inSharedTransaction(String operation, Supplier<T> work) {
        if (transaction.get() != null) return work.get();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(connection, e);
                throw e;
            } finally {
                transaction.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private <T> T onConnection(String operation, Work<T> work) {
        Connection joined = transaction.get();
        try {
            if (joined != null) return work.run(joined);
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
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
