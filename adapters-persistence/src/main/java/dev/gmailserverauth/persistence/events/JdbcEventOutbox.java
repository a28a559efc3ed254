package dev.gmailserverauth.persistence.events;

import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link EventOutbox} on JDBC, the same SQL for SQLite and PostgreSQL. An append takes the account's next sequence
 * number (an upsert on {@code event_sequences}, whose row lock orders concurrent appends for one account), writes the
 * event with its JSON body, and queues a delivery for every webhook endpoint that takes its type: all in the
 * caller's transaction when there is one ({@link JdbcTransactions}), else in a transaction of its own.
 */
public final class JdbcEventOutbox implements EventOutbox {
    static final String COLUMNS = "e.position, e.event_id, e.type, e.user_id, e.sequence, e.occurred_at, e.body";
    // Locks the account's row (PostgreSQL: until commit; SQLite: the one writer) before anything is read.
    private static final String LOCK_SEQUENCE = """
            INSERT INTO event_sequences (user_id, last_sequence) VALUES (?, 0)
            ON CONFLICT (user_id) DO UPDATE SET last_sequence = event_sequences.last_sequence""";
    private static final String NEXT_SEQUENCE = """
            UPDATE event_sequences SET last_sequence = last_sequence + 1 WHERE user_id = ? RETURNING last_sequence""";
    private static final String ONCE = "SELECT COUNT(*) FROM events WHERE once_key = ?";
    private static final String INSERT = """
            INSERT INTO events (event_id, type, user_id, sequence, occurred_at, body, once_key) VALUES (?, ?, ?, ?, ?, ?, ?)
            RETURNING position""";
    private static final String QUEUE = """
            INSERT INTO webhook_deliveries (endpoint_id, event_position, user_id, sequence, state, attempts, next_attempt_at)
            SELECT endpoint_id, ?, ?, ?, 'pending', 0, ? FROM webhook_endpoints
            WHERE event_types = '*' OR event_types LIKE ?""";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM events e WHERE e.event_id = ?";
    private static final String AFTER = "SELECT " + COLUMNS + " FROM events e WHERE e.position > ? ORDER BY e.position LIMIT ?";
    private static final String LAST = "SELECT COALESCE(MAX(position), 0) FROM events";
    private static final String SINCE = "SELECT " + COLUMNS + " FROM events e WHERE e.occurred_at >= ? ORDER BY e.position LIMIT ?";

    private final Jdbc jdbc;

    public JdbcEventOutbox(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public AccountEvent append(NewEvent event) {
        return jdbc.inSharedTransaction("appending an event", () -> {
            lock(event);
            return write(event, Optional.empty());
        });
    }

    @Override
    public Optional<AccountEvent> appendOnce(NewEvent event, String onceKey) {
        if (appended(onceKey)) return Optional.empty(); // the usual case, without taking the lock
        return jdbc.inSharedTransaction("appending an event once", () -> {
            lock(event);
            return appended(onceKey) ? Optional.empty() : Optional.of(write(event, Optional.of(onceKey)));
        });
    }

    private boolean appended(String onceKey) {
        return jdbc.queryOne("looking for an event", ONCE, statement -> statement.setString(1, onceKey), row -> row.getInt(1)).orElse(0) > 0;
    }

    private void lock(NewEvent event) {
        jdbc.update("locking the events of user " + event.account().value(), LOCK_SEQUENCE,
                statement -> statement.setString(1, event.account().value()));
    }

    private AccountEvent write(NewEvent event, Optional<String> onceKey) {
        String user = event.account().value();
        long sequence = jdbc.queryOne("numbering an event of user " + user, NEXT_SEQUENCE,
                statement -> statement.setString(1, user), row -> row.getLong(1)).orElseThrow();
        EventId id = EventId.random();
        String body = EventBodies.of(id, sequence, event);
        long position = jdbc.queryOne("writing an event of user " + user, INSERT, statement -> {
            statement.setString(1, id.value());
            statement.setString(2, event.type().wireName());
            statement.setString(3, user);
            statement.setLong(4, sequence);
            statement.setLong(5, event.occurredAt().toEpochMilli());
            statement.setString(6, body);
            statement.setString(7, onceKey.orElse(null));
        }, row -> row.getLong(1)).orElseThrow();
        jdbc.update("queueing an event for the webhook endpoints", QUEUE, statement -> {
            statement.setLong(1, position);
            statement.setString(2, user);
            statement.setLong(3, sequence);
            statement.setLong(4, event.occurredAt().toEpochMilli());
            statement.setString(5, "% " + event.type().wireName() + " %");
        });
        return new AccountEvent(id, event.type(), event.account(), sequence, event.occurredAt(), position, body);
    }

    @Override
    public Optional<AccountEvent> find(EventId id) {
        return jdbc.queryOne("reading an event", BY_ID, statement -> statement.setString(1, id.value()), JdbcEventOutbox::event);
    }

    @Override
    public List<AccountEvent> after(long position, int limit) {
        return jdbc.query("reading events", AFTER, statement -> {
            statement.setLong(1, position);
            statement.setInt(2, limit);
        }, JdbcEventOutbox::event);
    }

    @Override
    public List<AccountEvent> since(Instant since, int limit) {
        return jdbc.query("reading events", SINCE, statement -> {
            statement.setLong(1, since.toEpochMilli());
            statement.setInt(2, limit);
        }, JdbcEventOutbox::event);
    }

    @Override
    public long lastPosition() {
        return jdbc.queryOne("reading the last event position", LAST, statement -> { }, row -> row.getLong(1)).orElse(0L);
    }

    /** Reads the {@link #COLUMNS} of a row. */
    static AccountEvent event(ResultSet row) throws SQLException {
        String type = row.getString("type");
        return new AccountEvent(new EventId(row.getString("event_id")),
                EventType.ofWireName(type).orElseThrow(() -> new SQLException("unknown event type " + type)),
                new UserId(row.getString("user_id")), row.getLong("sequence"), Instant.ofEpochMilli(row.getLong("occurred_at")),
                row.getLong("position"), row.getString("body"));
    }
}
