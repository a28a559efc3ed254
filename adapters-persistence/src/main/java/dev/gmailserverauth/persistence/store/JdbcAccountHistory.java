package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AccountHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AccountHistory} on JDBC, the same SQL for SQLite and PostgreSQL. Entries are ordered by their
 * generated id (so two at the same millisecond keep their order); each append trims the person's history
 * to the latest {@link AccountHistory#MAX_ENTRIES}. Nothing here is secret, so nothing is encrypted.
 */
public final class JdbcAccountHistory implements AccountHistory {
    private static final String INSERT = "INSERT INTO account_history (user_id, at, kind, detail) VALUES (?, ?, ?, ?)";
    private static final String TRIM = """
            DELETE FROM account_history WHERE user_id = ? AND entry_id NOT IN (
                SELECT entry_id FROM account_history WHERE user_id = ? ORDER BY entry_id DESC LIMIT %d)
            """.formatted(MAX_ENTRIES);
    private static final String LATEST = "SELECT at, kind, detail FROM account_history WHERE user_id = ? ORDER BY entry_id DESC LIMIT ?";
    private static final String DELETE_ALL_OF = "DELETE FROM account_history WHERE user_id = ?";

    private final Jdbc jdbc;

    public JdbcAccountHistory(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public void append(UserId userId, HistoryEntry entry) {
        String operation = "appending to the history of user " + userId.value();
        jdbc.update(operation, INSERT, statement -> {
            statement.setString(1, userId.value());
            statement.setLong(2, entry.at().toEpochMilli());
            statement.setString(3, entry.kind().name());
            if (entry.detail().isPresent()) statement.setString(4, entry.detail().get());
            else statement.setNull(4, Types.VARCHAR);
        });
        jdbc.update(operation, TRIM, statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, userId.value());
        });
    }

    @Override
    public List<HistoryEntry> latest(UserId userId, int limit) {
        int bounded = Math.max(0, Math.min(limit, MAX_ENTRIES));
        return jdbc.query("reading the history of user " + userId.value(), LATEST, statement -> {
            statement.setString(1, userId.value());
            statement.setInt(2, bounded);
        }, JdbcAccountHistory::toEntry);
    }

    @Override
    public int deleteAllOf(UserId userId) {
        return jdbc.update("deleting the history of user " + userId.value(), DELETE_ALL_OF,
                statement -> statement.setString(1, userId.value()));
    }

    private static HistoryEntry toEntry(ResultSet row) throws SQLException {
        return new HistoryEntry(Instant.ofEpochMilli(row.getLong("at")), HistoryEntry.Kind.valueOf(row.getString("kind")),
                Optional.ofNullable(row.getString("detail")));
    }
}
