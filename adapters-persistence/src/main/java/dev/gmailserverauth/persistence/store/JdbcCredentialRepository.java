package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.CredentialRepository;
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
 * {@link CredentialRepository} on JDBC, the same SQL for SQLite and PostgreSQL. Refresh and access tokens
 * are sealed with {@link TokenCipher}, bound to the user id; instants are epoch milliseconds. Beside the
 * sealed refresh token the row keeps the SHA-256 of its first 16 characters, so that a {@code token-revoked}
 * event (which names a token by that prefix) finds its credential without decrypting every row.
 */
public final class JdbcCredentialRepository implements CredentialRepository, SealedRows {
    private static final String REFRESH_TOKEN_FIELD = "credentials.refresh_token";
    private static final String ACCESS_TOKEN_FIELD = "credentials.access_token";

    // The refresh_token column is NOT NULL: no save can leave a user without one. The domain always
    // carries one (StoredCredential.refreshedWith keeps the old token when Google sends no new one).
    private static final String UPSERT = """
            INSERT INTO credentials (user_id, email, refresh_token, access_token, access_token_expires_at,
                                     granted_scopes, created_at, updated_at, key_id,
                                     refresh_token_expires_at, refresh_token_prefix_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET
                email = excluded.email,
                refresh_token = excluded.refresh_token,
                access_token = excluded.access_token,
                access_token_expires_at = excluded.access_token_expires_at,
                granted_scopes = excluded.granted_scopes,
                created_at = excluded.created_at,
                updated_at = excluded.updated_at,
                key_id = excluded.key_id,
                refresh_token_expires_at = excluded.refresh_token_expires_at,
                refresh_token_prefix_sha256 = excluded.refresh_token_prefix_sha256
            """;
    private static final String COLUMNS = """
            user_id, email, refresh_token, access_token, access_token_expires_at, granted_scopes, created_at, updated_at,
            refresh_token_expires_at""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM credentials WHERE user_id = ?";
    private static final String SELECT_BY_PREFIX = "SELECT " + COLUMNS + " FROM credentials WHERE refresh_token_prefix_sha256 = ?";
    private static final String SELECT_BY_EMAIL = "SELECT " + COLUMNS + " FROM credentials WHERE email = ? ORDER BY user_id";
    private static final String REFRESH_TOKENS = "SELECT user_id, refresh_token FROM credentials ORDER BY user_id";
    private static final String DELETE = "DELETE FROM credentials WHERE user_id = ?";
    private static final String ACCOUNTS = """
            SELECT user_id, email, granted_scopes, created_at, updated_at, access_token_expires_at, refresh_token_expires_at, key_id
            FROM credentials ORDER BY email, user_id
            """;
    private static final String COUNT = "SELECT COUNT(*) FROM credentials";
    private static final String WITHOUT_PREFIX =
            "SELECT user_id, refresh_token FROM credentials WHERE refresh_token_prefix_sha256 IS NULL ORDER BY user_id LIMIT ?";
    private static final String RECORD_PREFIX = "UPDATE credentials SET refresh_token_prefix_sha256 = ? WHERE user_id = ? AND refresh_token = ?";
    private static final String ROWS_BY_KEY = "SELECT key_id, COUNT(*) FROM credentials GROUP BY key_id";
    private static final String NOT_UNDER_KEY =
            "SELECT user_id, refresh_token, access_token FROM credentials WHERE key_id <> ? ORDER BY user_id LIMIT ?";
    private static final String REENCRYPT =
            "UPDATE credentials SET refresh_token = ?, access_token = ?, key_id = ? WHERE user_id = ? AND refresh_token = ?";

    private final Jdbc jdbc;
    private final TokenCipher cipher;

    public JdbcCredentialRepository(Jdbc jdbc, TokenCipher cipher) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void save(StoredCredential credential) {
        String userId = credential.userId().value();
        TokenCipher.Sealer sealer = cipher.sealer();
        byte[] refreshToken = sealer.seal(credential.refreshToken().value(), refreshTokenData(userId));
        byte[] accessToken = credential.accessToken()
                .map(access -> sealer.seal(access.token().value(), accessTokenData(userId)))
                .orElse(null);
        Long accessExpiresAt = credential.accessToken().map(access -> access.expiresAt().toEpochMilli()).orElse(null);
        jdbc.update("saving the credential of user " + userId, UPSERT, statement -> {
            statement.setString(1, userId);
            statement.setString(2, credential.email().value());
            statement.setBytes(3, refreshToken);
            Jdbc.setNullableBytes(statement, 4, accessToken);
            Jdbc.setNullableLong(statement, 5, accessExpiresAt);
            statement.setString(6, credential.grantedScopes().toSpaceDelimited());
            statement.setLong(7, credential.createdAt().toEpochMilli());
            statement.setLong(8, credential.updatedAt().toEpochMilli());
            statement.setString(9, sealer.keyId());
            Jdbc.setNullableLong(statement, 10, credential.refreshTokenExpiresAt().map(Instant::toEpochMilli).orElse(null));
            statement.setString(11, credential.refreshToken().prefix().sha256Hex());
        });
    }

    @Override
    public Optional<StoredCredential> findByUserId(UserId userId) {
        return jdbc.queryOne("reading the credential of user " + userId.value(), SELECT,
                statement -> statement.setString(1, userId.value()),
                row -> toCredential(row));
    }

    @Override
    public List<StoredCredential> findByRefreshTokenPrefix(RefreshTokenPrefix prefix) {
        // The hash narrows the search; the decrypted token decides (a shorter prefix than 16 finds nothing).
        return jdbc.query("finding a credential by refresh token prefix", SELECT_BY_PREFIX,
                        statement -> statement.setString(1, prefix.sha256Hex()),
                        this::toCredential).stream()
                .filter(credential -> credential.refreshToken().startsWith(prefix))
                .toList();
    }

    /**
     * Opens every stored refresh token and hashes it: the double SHA-512 is not kept beside the token. A
     * {@code token-revoked} event naming a token this way is rare, and a scan of sealed tokens costs microseconds a
     * row (docs/decisions/0031).
     */
    @Override
    public List<StoredCredential> findByRefreshTokenHash(RefreshTokenHash hash) {
        record Sealed(String userId, byte[] refreshToken) { }
        return jdbc.query("reading the refresh tokens to find one by its hash", REFRESH_TOKENS, statement -> { },
                        row -> new Sealed(row.getString(1), row.getBytes(2))).stream()
                .filter(row -> hash.identifies(new RefreshToken(cipher.open(row.refreshToken(), refreshTokenData(row.userId())))))
                .map(row -> findByUserId(new UserId(row.userId())))
                .flatMap(Optional::stream)
                .filter(credential -> hash.identifies(credential.refreshToken())) // unless saved again meanwhile
                .toList();
    }

    @Override
    public List<StoredCredential> findByEmail(EmailAddress email) {
        return jdbc.query("finding a credential by email", SELECT_BY_EMAIL, statement -> statement.setString(1, email.value()),
                this::toCredential);
    }

    @Override
    public boolean delete(UserId userId) {
        return jdbc.update("deleting the credential of user " + userId.value(), DELETE,
                statement -> statement.setString(1, userId.value())) > 0;
    }

    /**
     * Gives up to {@code limit} rows stored before schema 3 the hash of their refresh token's prefix (the token
     * is sealed, so SQL alone cannot); a row saved meanwhile is left alone. Returns the rows changed.
     */
    public int recordMissingRefreshTokenPrefixes(int limit) {
        record Sealed(String userId, byte[] refreshToken) { }
        List<Sealed> rows = jdbc.query("reading credentials without a refresh token prefix", WITHOUT_PREFIX,
                statement -> statement.setInt(1, limit), row -> new Sealed(row.getString(1), row.getBytes(2)));
        int changed = 0;
        for (Sealed row : rows) {
            RefreshToken token = new RefreshToken(cipher.open(row.refreshToken(), refreshTokenData(row.userId())));
            changed += jdbc.update("recording the refresh token prefix of user " + row.userId(), RECORD_PREFIX, statement -> {
                statement.setString(1, token.prefix().sha256Hex());
                statement.setString(2, row.userId());
                statement.setBytes(3, row.refreshToken());
            });
        }
        return changed;
    }

    /** Every stored credential without its tokens, by email; {@code activeSessions} is left at 0. */
    public List<StoredAccount> accounts() {
        return jdbc.query("listing the stored credentials", ACCOUNTS, statement -> { }, row -> new StoredAccount(
                row.getString("user_id"),
                row.getString("email"),
                row.getString("granted_scopes"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")),
                Jdbc.getNullableLong(row, "access_token_expires_at").map(Instant::ofEpochMilli),
                Jdbc.getNullableLong(row, "refresh_token_expires_at").map(Instant::ofEpochMilli),
                0,
                row.getString("key_id")));
    }

    public int count() {
        return jdbc.queryOne("counting the stored credentials", COUNT, statement -> { }, row -> row.getInt(1)).orElse(0);
    }

    @Override
    public String table() {
        return "credentials";
    }

    @Override
    public Map<String, Integer> rowsByKey() {
        return jdbc.countsByKey("counting credentials by key", ROWS_BY_KEY);
    }

    @Override
    public int reencrypt(TokenCipher.Sealer sealer, int limit) {
        record Sealed(String userId, byte[] refreshToken, byte[] accessToken) { }
        List<Sealed> rows = jdbc.query("reading credentials to re-encrypt", NOT_UNDER_KEY, statement -> {
            statement.setString(1, sealer.keyId());
            statement.setInt(2, limit);
        }, row -> new Sealed(row.getString(1), row.getBytes(2), row.getBytes(3)));
        int rewritten = 0;
        for (Sealed row : rows) {
            byte[] refresh = sealer.seal(cipher.open(row.refreshToken(), refreshTokenData(row.userId())), refreshTokenData(row.userId()));
            byte[] access = row.accessToken() == null ? null
                    : sealer.seal(cipher.open(row.accessToken(), accessTokenData(row.userId())), accessTokenData(row.userId()));
            rewritten += jdbc.update("re-encrypting the credential of user " + row.userId(), REENCRYPT, statement -> {
                statement.setBytes(1, refresh);
                Jdbc.setNullableBytes(statement, 2, access);
                statement.setString(3, sealer.keyId());
                statement.setString(4, row.userId());
                statement.setBytes(5, row.refreshToken());
            });
        }
        return rewritten;
    }

    private static AssociatedData refreshTokenData(String userId) {
        return new AssociatedData(REFRESH_TOKEN_FIELD, userId);
    }

    private static AssociatedData accessTokenData(String userId) {
        return new AssociatedData(ACCESS_TOKEN_FIELD, userId);
    }

    private StoredCredential toCredential(ResultSet row) throws SQLException {
        UserId userId = new UserId(row.getString("user_id"));
        String id = userId.value();
        RefreshToken refreshToken = new RefreshToken(cipher.open(row.getBytes("refresh_token"), refreshTokenData(id)));
        byte[] sealedAccess = row.getBytes("access_token");
        Optional<Long> accessExpiresAt = Jdbc.getNullableLong(row, "access_token_expires_at");
        Optional<ExpiringAccessToken> accessToken = sealedAccess == null || accessExpiresAt.isEmpty()
                ? Optional.empty()
                : Optional.of(new ExpiringAccessToken(
                        new AccessToken(cipher.open(sealedAccess, accessTokenData(id))),
                        Instant.ofEpochMilli(accessExpiresAt.get())));
        return new StoredCredential(
                userId,
                new EmailAddress(row.getString("email")),
                refreshToken,
                accessToken,
                Scopes.parse(row.getString("granted_scopes")),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")),
                Jdbc.getNullableLong(row, "refresh_token_expires_at").map(Instant::ofEpochMilli));
    }
}
