package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.persistence.crypto.AssociatedData;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link EnrolledMailboxes} on JDBC, the same SQL for SQLite and PostgreSQL (table {@code enrolled_mailboxes}, schema
 * 10). The minted access token is sealed with {@link TokenCipher}, bound to the user id, and re-encrypted with the
 * other sealed rows during a key rotation; instants are epoch milliseconds.
 */
public final class JdbcEnrolledMailboxes implements EnrolledMailboxes, SealedRows {
    private static final String ACCESS_TOKEN_FIELD = "enrolled_mailboxes.access_token";
    private static final String UPSERT = """
            INSERT INTO enrolled_mailboxes (user_id, email, enrolled_at, access_token, access_token_expires_at, key_id)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET
                email = excluded.email,
                enrolled_at = excluded.enrolled_at,
                access_token = excluded.access_token,
                access_token_expires_at = excluded.access_token_expires_at,
                key_id = excluded.key_id
            """;
    private static final String COLUMNS = "user_id, email, enrolled_at, access_token, access_token_expires_at";
    private static final String BY_EMAIL = "SELECT " + COLUMNS + " FROM enrolled_mailboxes WHERE email = ?";
    private static final String BY_USER = "SELECT " + COLUMNS + " FROM enrolled_mailboxes WHERE user_id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM enrolled_mailboxes ORDER BY email";
    private static final String DELETE = "DELETE FROM enrolled_mailboxes WHERE email = ?";
    private static final String ROWS_BY_KEY = "SELECT key_id, COUNT(*) FROM enrolled_mailboxes WHERE key_id IS NOT NULL GROUP BY key_id";
    private static final String NOT_UNDER_KEY =
            "SELECT user_id, access_token FROM enrolled_mailboxes WHERE key_id IS NOT NULL AND key_id <> ? ORDER BY user_id LIMIT ?";
    private static final String REENCRYPT = "UPDATE enrolled_mailboxes SET access_token = ?, key_id = ? WHERE user_id = ? AND access_token = ?";

    private final Jdbc jdbc;
    private final TokenCipher cipher;

    public JdbcEnrolledMailboxes(Jdbc jdbc, TokenCipher cipher) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void save(EnrolledMailbox mailbox) {
        String userId = mailbox.user().value();
        TokenCipher.Sealer sealer = cipher.sealer();
        byte[] token = mailbox.accessToken().map(t -> sealer.seal(t.token().value(), tokenData(userId))).orElse(null);
        jdbc.update("saving the enrolled mailbox of user " + userId, UPSERT, statement -> {
            statement.setString(1, userId);
            statement.setString(2, mailbox.email().value());
            statement.setLong(3, mailbox.enrolledAt().toEpochMilli());
            Jdbc.setNullableBytes(statement, 4, token);
            Jdbc.setNullableLong(statement, 5, mailbox.accessToken().map(t -> t.expiresAt().toEpochMilli()).orElse(null));
            statement.setString(6, token == null ? null : sealer.keyId());
        });
    }

    @Override
    public Optional<EnrolledMailbox> findByEmail(EmailAddress email) {
        return jdbc.queryOne("reading the enrolled mailbox " + email.value(), BY_EMAIL, statement -> statement.setString(1, email.value()),
                this::toMailbox);
    }

    @Override
    public Optional<EnrolledMailbox> findByUserId(UserId user) {
        return jdbc.queryOne("reading the enrolled mailbox of user " + user.value(), BY_USER, statement -> statement.setString(1, user.value()),
                this::toMailbox);
    }

    @Override
    public List<EnrolledMailbox> all() {
        return jdbc.query("listing the enrolled mailboxes", ALL, statement -> { }, this::toMailbox);
    }

    @Override
    public boolean remove(EmailAddress email) {
        return jdbc.update("removing the enrolled mailbox " + email.value(), DELETE, statement -> statement.setString(1, email.value())) > 0;
    }

    @Override
    public String table() {
        return "enrolled_mailboxes";
    }

    @Override
    public Map<String, Integer> rowsByKey() {
        return jdbc.countsByKey("counting enrolled mailboxes by key", ROWS_BY_KEY);
    }

    @Override
    public int reencrypt(TokenCipher.Sealer sealer, int limit) {
        record Sealed(String userId, byte[] token) { }
        List<Sealed> rows = jdbc.query("reading enrolled mailboxes to re-encrypt", NOT_UNDER_KEY, statement -> {
            statement.setString(1, sealer.keyId());
            statement.setInt(2, limit);
        }, row -> new Sealed(row.getString(1), row.getBytes(2)));
        int rewritten = 0;
        for (Sealed row : rows) {
            byte[] resealed = sealer.seal(cipher.open(row.token(), tokenData(row.userId())), tokenData(row.userId()));
            rewritten += jdbc.update("re-encrypting the token of enrolled mailbox " + row.userId(), REENCRYPT, statement -> {
                statement.setBytes(1, resealed);
                statement.setString(2, sealer.keyId());
                statement.setString(3, row.userId());
                statement.setBytes(4, row.token());
            });
        }
        return rewritten;
    }

    private EnrolledMailbox toMailbox(ResultSet row) throws SQLException {
        String userId = row.getString("user_id");
        byte[] sealed = row.getBytes("access_token");
        Optional<Long> expiresAt = Jdbc.getNullableLong(row, "access_token_expires_at");
        Optional<ExpiringAccessToken> token = sealed == null || expiresAt.isEmpty() ? Optional.empty()
                : Optional.of(new ExpiringAccessToken(new AccessToken(cipher.open(sealed, tokenData(userId))), Instant.ofEpochMilli(expiresAt.get())));
        return new EnrolledMailbox(new UserId(userId), new EmailAddress(row.getString("email")), Instant.ofEpochMilli(row.getLong("enrolled_at")), token);
    }

    private static AssociatedData tokenData(String userId) {
        return new AssociatedData(ACCESS_TOKEN_FIELD, userId);
    }
}
