package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.port.SeenSecurityEvents;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link SeenSecurityEvents} on JDBC, the same SQL for SQLite and PostgreSQL: the {@code jti} is the primary
 * key, so of concurrent inserts (on any instance sharing the database) exactly one adds the row.
 */
public final class JdbcSeenSecurityEvents implements SeenSecurityEvents {
    private static final String INSERT = "INSERT INTO seen_security_events (jti, received_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING";
    private static final String FORGET = "DELETE FROM seen_security_events WHERE jti = ?";
    private static final String PURGE = "DELETE FROM seen_security_events WHERE received_at < ?";

    private final Jdbc jdbc;

    public JdbcSeenSecurityEvents(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public boolean firstSighting(SecurityEventId id, Instant receivedAt) {
        return jdbc.update("recording a security event id", INSERT, statement -> {
            statement.setString(1, id.value());
            statement.setLong(2, receivedAt.toEpochMilli());
        }) == 1;
    }

    @Override
    public void forget(SecurityEventId id) {
        jdbc.update("forgetting a security event id", FORGET, statement -> statement.setString(1, id.value()));
    }

    @Override
    public int purgeReceivedBefore(Instant cutoff) {
        return jdbc.update("purging old security event ids", PURGE, statement -> statement.setLong(1, cutoff.toEpochMilli()));
    }
}
