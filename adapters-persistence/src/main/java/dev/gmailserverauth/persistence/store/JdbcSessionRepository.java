package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionKey;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SessionRepository} on JDBC, the same SQL for SQLite and PostgreSQL. Only the {@link SessionKey} (the SHA-256 of the cookie, computed by
 * the domain) is stored, so the table opens no session by itself; nothing here needs encrypting.
 */
public final class JdbcSessionRepository implements SessionRepository {
    private static final String UPSERT = """
            INSERT INTO web_sessions (session_key, user_id, created_at, last_seen_at, expires_at, person_id)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_key) DO UPDATE SET
                user_id = excluded.user_id,
                person_id = excluded.person_id,
                created_at = excluded.created_at,
                last_seen_at = excluded.last_seen_at,
                expires_at = excluded.expires_at
            """;
    private static final String SELECT = "SELECT user_id, person_id, created_at, last_seen_at, expires_at FROM web_sessions WHERE session_key = ?";
    private static final String DELETE = "DELETE FROM web_sessions WHERE session_key = ?";
    private static final String DELETE_ALL_OF = "DELETE FROM web_sessions WHERE person_id = ?";
    private static final String PURGE = "DELETE FROM web_sessions WHERE expires_at <= ?";
    private static final String ACTIVE_BY_USER = "SELECT user_id, COUNT(*) FROM web_sessions WHERE expires_at > ? GROUP BY user_id";

    private final Jdbc jdbc;

    public JdbcSessionRepository(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public void save(WebSession session) {
        jdbc.update("saving a session", UPSERT, statement -> {
            statement.setString(1, session.key().value());
            statement.setString(2, session.userId().value());
            statement.setLong(3, session.createdAt().toEpochMilli());
            statement.setLong(4, session.lastSeenAt().toEpochMilli());
            statement.setLong(5, session.expiresAt().toEpochMilli());
            statement.setString(6, session.person().value());
        });
    }

    @Override
    public Optional<WebSession> find(SessionKey key) {
        return jdbc.queryOne("reading a session", SELECT,
                statement -> statement.setString(1, key.value()),
                row -> toSession(key, row));
    }

    @Override
    public void delete(SessionKey key) {
        jdbc.update("deleting a session", DELETE, statement -> statement.setString(1, key.value()));
    }

    @Override
    public int deleteAllOf(PersonId person) {
        return jdbc.update("deleting the sessions of person " + person.value(), DELETE_ALL_OF,
                statement -> statement.setString(1, person.value()));
    }

    @Override
    public int purgeExpired(Instant now) {
        // A session expires at expiresAt itself (WebSession.isExpiredAt), hence <=.
        return jdbc.update("purging expired sessions", PURGE, statement -> statement.setLong(1, now.toEpochMilli()));
    }

    /** Sessions that have not expired at {@code now}, counted by user id (for operators and metrics). */
    public Map<String, Integer> activeByUser(Instant now) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("counting active sessions", ACTIVE_BY_USER, statement -> statement.setLong(1, now.toEpochMilli()),
                row -> counts.put(row.getString(1), row.getInt(2)));
        return counts;
    }

    private static WebSession toSession(SessionKey key, ResultSet row) throws SQLException {
        return new WebSession(
                key,
                new PersonId(row.getString("person_id")),
                new UserId(row.getString("user_id")),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("last_seen_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")));
    }
}
