package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.SessionKey;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WebSession;
import dev.gmailserverauth.domain.port.SessionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SessionRepository} on JDBC, the same SQL for SQLite and PostgreSQL. Only the {@link SessionKey} (the SHA-256 of the cookie, computed by
 * the domain) is stored, so the table opens no session by itself; nothing here needs encrypting.
 */
public final class JdbcSessionRepository implements SessionRepository {
    private static final String UPSERT = """
            INSERT INTO web_sessions (session_key, user_id, created_at, last_seen_at, expires_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (session_key) DO UPDATE SET
                user_id = excluded.user_id,
                created_at = excluded.created_at,
                last_seen_at = excluded.last_seen_at,
                expires_at = excluded.expires_at
            """;
    private static final String SELECT = "SELECT user_id, created_at, last_seen_at, expires_at FROM web_sessions WHERE session_key = ?";
    private static final String DELETE = "DELETE FROM web_sessions WHERE session_key = ?";
    private static final String DELETE_ALL_OF = "DELETE FROM web_sessions WHERE user_id = ?";
    private static final String PURGE = "DELETE FROM web_sessions WHERE expires_at <= ?";

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
    public int deleteAllOf(UserId userId) {
        return jdbc.update("deleting the sessions of user " + userId.value(), DELETE_ALL_OF,
                statement -> statement.setString(1, userId.value()));
    }

    @Override
    public int purgeExpired(Instant now) {
        // A session expires at expiresAt itself (WebSession.isExpiredAt), hence <=.
        return jdbc.update("purging expired sessions", PURGE, statement -> statement.setLong(1, now.toEpochMilli()));
    }

    private static WebSession toSession(SessionKey key, ResultSet row) throws SQLException {
        return new WebSession(
                key,
                new UserId(row.getString("user_id")),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("last_seen_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")));
    }
}
