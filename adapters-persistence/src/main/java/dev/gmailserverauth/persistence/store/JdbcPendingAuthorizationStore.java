package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.BrowserBinding;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
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
 * {@link PendingAuthorizationStore} on JDBC, the same SQL for SQLite and PostgreSQL. {@code take} is one {@code DELETE ... RETURNING} statement
 * (SQLite 3.35+ and PostgreSQL): the database hands the row to exactly one caller, on any instance.
 * The PKCE verifier is sealed, bound to the state.
 */
public final class JdbcPendingAuthorizationStore implements PendingAuthorizationStore, SealedRows {
    private static final String VERIFIER_FIELD = "pending_authorizations.verifier";

    private static final String UPSERT = """
            INSERT INTO pending_authorizations (state, verifier, redirect_uri, login_hint, browser_binding, created_at, key_id, link_person_id,
                workspace_domain)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (state) DO UPDATE SET
                verifier = excluded.verifier,
                redirect_uri = excluded.redirect_uri,
                login_hint = excluded.login_hint,
                browser_binding = excluded.browser_binding,
                created_at = excluded.created_at,
                key_id = excluded.key_id,
                link_person_id = excluded.link_person_id,
                workspace_domain = excluded.workspace_domain
            """;
    private static final String TAKE = """
            DELETE FROM pending_authorizations WHERE state = ?
            RETURNING verifier, redirect_uri, login_hint, browser_binding, created_at, link_person_id, workspace_domain
            """;
    private static final String COUNT_SINCE = "SELECT count(*) AS live FROM pending_authorizations WHERE created_at >= ?";
    private static final String PURGE = "DELETE FROM pending_authorizations WHERE created_at < ?";
    private static final String ROWS_BY_KEY = "SELECT key_id, COUNT(*) FROM pending_authorizations GROUP BY key_id";
    private static final String NOT_UNDER_KEY = "SELECT state, verifier FROM pending_authorizations WHERE key_id <> ? ORDER BY state LIMIT ?";
    private static final String REENCRYPT = "UPDATE pending_authorizations SET verifier = ?, key_id = ? WHERE state = ? AND verifier = ?";

    private final Jdbc jdbc;
    private final TokenCipher cipher;

    public JdbcPendingAuthorizationStore(Jdbc jdbc, TokenCipher cipher) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void put(PendingAuthorization pending) {
        String state = pending.state().value();
        TokenCipher.Sealer sealer = cipher.sealer();
        byte[] verifier = sealer.seal(pending.verifier().value(), verifierData(state));
        jdbc.update("storing a pending authorization", UPSERT, statement -> {
            statement.setString(1, state);
            statement.setBytes(2, verifier);
            statement.setString(3, pending.redirectUri().value().toString());
            statement.setString(4, pending.loginHint().map(EmailAddress::value).orElse(null));
            statement.setString(5, pending.browser().value());
            statement.setLong(6, pending.createdAt().toEpochMilli());
            statement.setString(7, sealer.keyId());
            statement.setString(8, pending.linkTo().map(PersonId::value).orElse(null));
            statement.setString(9, pending.workspace().map(WorkspaceDomain::value).orElse(null));
        });
    }

    @Override
    public Optional<PendingAuthorization> take(AuthorizationState state) {
        return jdbc.queryOne("taking a pending authorization", TAKE,
                statement -> statement.setString(1, state.value()),
                row -> toPending(state, row));
    }

    @Override
    public int countCreatedSince(Instant since) {
        return jdbc.queryOne("counting pending authorizations", COUNT_SINCE,
                statement -> statement.setLong(1, since.toEpochMilli()),
                row -> row.getInt("live")).orElse(0);
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return jdbc.update("purging expired pending authorizations", PURGE,
                statement -> statement.setLong(1, cutoff.toEpochMilli()));
    }

    @Override
    public String table() {
        return "pending_authorizations";
    }

    @Override
    public Map<String, Integer> rowsByKey() {
        return jdbc.countsByKey("counting pending authorizations by key", ROWS_BY_KEY);
    }

    @Override
    public int reencrypt(TokenCipher.Sealer sealer, int limit) {
        record Sealed(String state, byte[] verifier) { }
        List<Sealed> rows = jdbc.query("reading pending authorizations to re-encrypt", NOT_UNDER_KEY, statement -> {
            statement.setString(1, sealer.keyId());
            statement.setInt(2, limit);
        }, row -> new Sealed(row.getString(1), row.getBytes(2)));
        int rewritten = 0;
        for (Sealed row : rows) {
            byte[] verifier = sealer.seal(cipher.open(row.verifier(), verifierData(row.state())), verifierData(row.state()));
            rewritten += jdbc.update("re-encrypting a pending authorization", REENCRYPT, statement -> {
                statement.setBytes(1, verifier);
                statement.setString(2, sealer.keyId());
                statement.setString(3, row.state());
                statement.setBytes(4, row.verifier());
            });
        }
        return rewritten;
    }

    private static AssociatedData verifierData(String state) {
        return new AssociatedData(VERIFIER_FIELD, state);
    }

    private PendingAuthorization toPending(AuthorizationState state, ResultSet row) throws SQLException {
        String loginHint = row.getString("login_hint");
        return new PendingAuthorization(
                state,
                new PkceVerifier(cipher.open(row.getBytes("verifier"), verifierData(state.value()))),
                RedirectUri.of(row.getString("redirect_uri")),
                Optional.ofNullable(loginHint).map(EmailAddress::new),
                new BrowserBinding(row.getString("browser_binding")),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Optional.ofNullable(row.getString("link_person_id")).map(PersonId::new),
                Optional.ofNullable(row.getString("workspace_domain")).map(WorkspaceDomain::new));
    }
}
