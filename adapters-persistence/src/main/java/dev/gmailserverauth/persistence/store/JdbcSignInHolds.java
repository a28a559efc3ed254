package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SignInHolds;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@link SignInHolds} on JDBC, the same SQL for SQLite and PostgreSQL; one row per held account. */
public final class JdbcSignInHolds implements SignInHolds {
    private static final String UPSERT = """
            INSERT INTO sign_in_holds (user_id, reason, since) VALUES (?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET reason = excluded.reason, since = excluded.since
            """;
    private static final String SELECT = "SELECT reason, since FROM sign_in_holds WHERE user_id = ?";
    private static final String DELETE = "DELETE FROM sign_in_holds WHERE user_id = ?";

    private final Jdbc jdbc;

    public JdbcSignInHolds(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public void hold(SignInHold hold) {
        jdbc.update("holding the sign-in of user " + hold.userId().value(), UPSERT, statement -> {
            statement.setString(1, hold.userId().value());
            statement.setString(2, hold.reason());
            statement.setLong(3, hold.since().toEpochMilli());
        });
    }

    @Override
    public Optional<SignInHold> find(UserId userId) {
        return jdbc.queryOne("reading the sign-in hold of user " + userId.value(), SELECT,
                statement -> statement.setString(1, userId.value()),
                row -> new SignInHold(userId, row.getString("reason"), Instant.ofEpochMilli(row.getLong("since"))));
    }

    @Override
    public boolean release(UserId userId) {
        return jdbc.update("releasing the sign-in hold of user " + userId.value(), DELETE,
                statement -> statement.setString(1, userId.value())) > 0;
    }
}
