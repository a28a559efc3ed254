package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.Backfill;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.SyncState;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SyncStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SyncStates} on JDBC, the same SQL for SQLite and PostgreSQL (table {@code sync_states}); instants are
 * epoch milliseconds, the checkpoint Gmail's decimal history id. The progress columns (checkpoint, backfill, window)
 * are moved only by {@link JdbcMessageIndex#apply}, through {@link #moveProgress}, in the index's transaction.
 */
public final class JdbcSyncStates implements SyncStates {
    private static final String COLUMNS = """
            user_id, email, status, checkpoint, backfill_next_page, backfill_taken, backfill_wanted, started_at, watch_expires_at,
            last_notification_at, pending_since, last_synced_at, lag_millis, gaps_filled, last_gap, repairs, whole_mailbox, complete_after""";
    private static final String INSERT = "INSERT INTO sync_states (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (user_id) DO NOTHING";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM sync_states";
    private static final String MOVE_PROGRESS = """
            UPDATE sync_states SET checkpoint = ?, backfill_next_page = ?, backfill_taken = ?, backfill_wanted = ?, whole_mailbox = ?,
                complete_after = ?
            WHERE user_id = ? AND checkpoint = ? AND backfill_next_page IS NOT DISTINCT FROM ?
              AND backfill_taken IS NOT DISTINCT FROM ? AND backfill_wanted IS NOT DISTINCT FROM ? AND whole_mailbox = ?
              AND complete_after IS NOT DISTINCT FROM ?""";

    private final Jdbc jdbc;

    public JdbcSyncStates(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public boolean begin(SyncState state) {
        return jdbc.update("beginning the sync of user " + state.user().value(), INSERT, statement -> {
            statement.setString(1, state.user().value());
            statement.setString(2, state.email().value());
            statement.setString(3, state.status().name());
            statement.setString(4, state.checkpoint().toString());
            bindBackfill(statement, 5, state.progress().backfill());
            statement.setLong(8, state.startedAt().toEpochMilli());
            Jdbc.setNullableLong(statement, 9, millis(state.watchExpiration()));
            Jdbc.setNullableLong(statement, 10, millis(state.lastNotification()));
            Jdbc.setNullableLong(statement, 11, millis(state.pendingSince()));
            Jdbc.setNullableLong(statement, 12, millis(state.lastSynced()));
            Jdbc.setNullableLong(statement, 13, state.lag().map(Duration::toMillis).orElse(null));
            statement.setInt(14, state.gapsFilled());
            setNullableString(statement, 15, state.lastGap());
            statement.setInt(16, state.repairs());
            statement.setInt(17, state.progress().wholeMailbox() ? 1 : 0);
            Jdbc.setNullableLong(statement, 18, millis(state.progress().completeAfter()));
        }) > 0;
    }

    @Override
    public Optional<SyncState> find(UserId user) {
        return jdbc.queryOne("reading the sync of user " + user.value(), SELECT + " WHERE user_id = ?",
                statement -> statement.setString(1, user.value()), JdbcSyncStates::toState);
    }

    @Override
    public Optional<SyncState> findByEmail(EmailAddress email) {
        return jdbc.query("finding a sync by address", SELECT + " WHERE lower(email) = lower(?) ORDER BY user_id",
                statement -> statement.setString(1, email.value()), JdbcSyncStates::toState).stream().findFirst();
    }

    @Override
    public List<SyncState> all() {
        return jdbc.query("listing the syncs", SELECT + " ORDER BY email, user_id", statement -> { }, JdbcSyncStates::toState);
    }

    @Override
    public void recordWatch(UserId user, Optional<Instant> expiration) {
        set(user, "recording the watch", "watch_expires_at = ?", statement -> Jdbc.setNullableLong(statement, 1, millis(expiration)));
    }

    @Override
    public void recordNotification(UserId user, Instant at) {
        set(user, "recording a notification", "last_notification_at = ?, pending_since = COALESCE(pending_since, ?)", statement -> {
            statement.setLong(1, at.toEpochMilli());
            statement.setLong(2, at.toEpochMilli());
        });
    }

    @Override
    public void recordSynced(UserId user, Instant at, Instant runStartedAt) {
        // The lag is taken from the first notification this run followed; later ones stay pending for the next run.
        set(user, "recording a sync", """
                last_synced_at = ?,
                lag_millis = CASE WHEN pending_since IS NOT NULL AND pending_since <= ? THEN ? - pending_since ELSE lag_millis END,
                pending_since = CASE WHEN pending_since > ? THEN pending_since ELSE NULL END""", statement -> {
            statement.setLong(1, at.toEpochMilli());
            statement.setLong(2, runStartedAt.toEpochMilli());
            statement.setLong(3, at.toEpochMilli());
            statement.setLong(4, runStartedAt.toEpochMilli());
        });
    }

    @Override
    public void recordGapFilled(UserId user, String detail) {
        String line = detail.length() <= 200 ? detail : detail.substring(0, 200);
        set(user, "recording a gap filled", "gaps_filled = gaps_filled + 1, last_gap = ?", statement -> statement.setString(1, line));
    }

    @Override
    public void recordRepairs(UserId user, int differences) {
        set(user, "recording repairs", "repairs = repairs + ?", statement -> statement.setInt(1, differences));
    }

    @Override
    public void setStatus(UserId user, SyncStatus status) {
        set(user, "setting the sync status", "status = ?", statement -> statement.setString(1, status.name()));
    }

    @Override
    public boolean delete(UserId user) {
        return jdbc.update("deleting the sync of user " + user.value(), "DELETE FROM sync_states WHERE user_id = ?",
                statement -> statement.setString(1, user.value())) > 0;
    }

    /** Moves the progress on {@code connection} (the index's transaction) if it is still {@code expected}. */
    static boolean moveProgress(Connection connection, UserId user, SyncProgress expected, SyncProgress next) throws SQLException {
        return Jdbc.update(connection, MOVE_PROGRESS, statement -> {
            statement.setString(1, next.checkpoint().toString());
            bindBackfill(statement, 2, next.backfill());
            statement.setInt(5, next.wholeMailbox() ? 1 : 0);
            Jdbc.setNullableLong(statement, 6, millis(next.completeAfter()));
            statement.setString(7, user.value());
            statement.setString(8, expected.checkpoint().toString());
            bindBackfill(statement, 9, expected.backfill());
            statement.setInt(12, expected.wholeMailbox() ? 1 : 0);
            Jdbc.setNullableLong(statement, 13, millis(expected.completeAfter()));
        }) == 1;
    }

    /** Sets columns of one row; {@code binder} binds from parameter 1, the user id comes last. */
    private void set(UserId user, String operation, String assignments, Jdbc.Binder binder) {
        int userIndex = (int) assignments.chars().filter(c -> c == '?').count() + 1;
        jdbc.update(operation + " of user " + user.value(), "UPDATE sync_states SET " + assignments + " WHERE user_id = ?", statement -> {
            binder.bind(statement);
            statement.setString(userIndex, user.value());
        });
    }

    private static void bindBackfill(PreparedStatement statement, int first, Optional<Backfill> backfill) throws SQLException {
        if (backfill.isEmpty()) {
            statement.setNull(first, Types.VARCHAR);
            statement.setNull(first + 1, Types.INTEGER);
            statement.setNull(first + 2, Types.INTEGER);
            return;
        }
        setNullableString(statement, first, backfill.get().nextPage().map(PageToken::value));
        statement.setInt(first + 1, backfill.get().taken());
        statement.setInt(first + 2, backfill.get().wanted());
    }

    private static void setNullableString(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isEmpty()) statement.setNull(index, Types.VARCHAR);
        else statement.setString(index, value.get());
    }

    private static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Jdbc.getNullableLong(row, column).map(Instant::ofEpochMilli);
    }

    private static SyncState toState(ResultSet row) throws SQLException {
        Optional<Long> wanted = Jdbc.getNullableLong(row, "backfill_wanted");
        Optional<Backfill> backfill = wanted.isEmpty() ? Optional.empty() : Optional.of(new Backfill(
                Optional.ofNullable(row.getString("backfill_next_page")).map(PageToken::new), row.getInt("backfill_taken"), wanted.get().intValue()));
        return new SyncState(
                new UserId(row.getString("user_id")),
                new EmailAddress(row.getString("email")),
                SyncStatus.valueOf(row.getString("status")),
                new SyncProgress(HistoryId.parse(row.getString("checkpoint")), backfill, row.getInt("whole_mailbox") == 1,
                        instant(row, "complete_after")),
                Instant.ofEpochMilli(row.getLong("started_at")),
                instant(row, "watch_expires_at"),
                instant(row, "last_notification_at"),
                instant(row, "pending_since"),
                instant(row, "last_synced_at"),
                Jdbc.getNullableLong(row, "lag_millis").map(Duration::ofMillis),
                row.getInt("gaps_filled"),
                Optional.ofNullable(row.getString("last_gap")),
                row.getInt("repairs"));
    }
}
