package dev.gmailserverauth.persistence.events;

import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.webhook.EndpointId;
import dev.gmailserverauth.domain.webhook.NewEndpoint;
import dev.gmailserverauth.domain.webhook.SigningSecrets;
import dev.gmailserverauth.domain.webhook.WebhookEndpoint;
import dev.gmailserverauth.domain.webhook.WebhookEndpoints;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.persistence.crypto.AssociatedData;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import dev.gmailserverauth.persistence.store.Jdbc;
import dev.gmailserverauth.persistence.store.SealedRows;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link WebhookEndpoints} on JDBC, the same SQL for SQLite and PostgreSQL. The secrets are sealed with the tokens'
 * {@link TokenCipher}, bound to the endpoint id, and re-encrypted with every key rotation like tokens.
 */
public final class JdbcWebhookEndpoints implements WebhookEndpoints, SealedRows {
    private static final String SECRET_FIELD = "webhook_endpoints.secret";
    private static final String PREVIOUS_SECRET_FIELD = "webhook_endpoints.previous_secret";
    private static final String ALL_TYPES = "*";
    private static final String COLUMNS = "endpoint_id, url, event_types, created_at, failing_since, disabled_at, disabled_reason";
    private static final String INSERT = """
            INSERT INTO webhook_endpoints (endpoint_id, url, event_types, secret, key_id, created_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String LIST = "SELECT " + COLUMNS + " FROM webhook_endpoints ORDER BY created_at, endpoint_id";
    private static final String FIND = "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE endpoint_id = ?";
    private static final String DELETE_DELIVERIES = "DELETE FROM webhook_deliveries WHERE endpoint_id = ?";
    private static final String DELETE = "DELETE FROM webhook_endpoints WHERE endpoint_id = ?";
    private static final String SECRETS = "SELECT secret, previous_secret, previous_secret_until FROM webhook_endpoints WHERE endpoint_id = ?";
    private static final String ROTATE = """
            UPDATE webhook_endpoints SET previous_secret = ?, previous_secret_until = ?, secret = ?, key_id = ?
            WHERE endpoint_id = ? AND secret = ?""";
    private static final String DISABLE = "UPDATE webhook_endpoints SET disabled_at = ?, disabled_reason = ? WHERE endpoint_id = ?";
    private static final String ENABLE = """
            UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL
            WHERE endpoint_id = ? AND disabled_at IS NOT NULL""";
    private static final String ROWS_BY_KEY = "SELECT key_id, COUNT(*) FROM webhook_endpoints GROUP BY key_id";
    private static final String NOT_UNDER_KEY = "SELECT endpoint_id, secret, previous_secret FROM webhook_endpoints WHERE key_id <> ? LIMIT ?";
    private static final String REENCRYPT = """
            UPDATE webhook_endpoints SET secret = ?, previous_secret = ?, key_id = ? WHERE endpoint_id = ? AND secret = ?""";

    private final Jdbc jdbc;
    private final TokenCipher cipher;

    public JdbcWebhookEndpoints(Jdbc jdbc, TokenCipher cipher) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public WebhookEndpoint add(NewEndpoint endpoint) {
        EndpointId id = EndpointId.random();
        TokenCipher.Sealer sealer = cipher.sealer();
        byte[] secret = sealer.seal(endpoint.secret().formatted(), secretData(id.value()));
        jdbc.update("adding a webhook endpoint", INSERT, statement -> {
            statement.setString(1, id.value());
            statement.setString(2, endpoint.url().toString());
            statement.setString(3, typesColumn(endpoint.events()));
            statement.setBytes(4, secret);
            statement.setString(5, sealer.keyId());
            statement.setLong(6, endpoint.createdAt().toEpochMilli());
        });
        return new WebhookEndpoint(id, endpoint.url(), endpoint.events(), endpoint.createdAt(), Optional.empty(), Optional.empty());
    }

    @Override
    public List<WebhookEndpoint> list() {
        return jdbc.query("listing the webhook endpoints", LIST, statement -> { }, JdbcWebhookEndpoints::endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> find(EndpointId id) {
        return jdbc.queryOne("reading a webhook endpoint", FIND, statement -> statement.setString(1, id.value()), JdbcWebhookEndpoints::endpoint);
    }

    @Override
    public boolean remove(EndpointId id) {
        return jdbc.inSharedTransaction("removing a webhook endpoint", () -> {
            jdbc.update("removing a webhook endpoint's deliveries", DELETE_DELIVERIES, statement -> statement.setString(1, id.value()));
            return jdbc.update("removing a webhook endpoint", DELETE, statement -> statement.setString(1, id.value())) > 0;
        });
    }

    @Override
    public Optional<SigningSecrets> signingSecrets(EndpointId id, Instant now) {
        String owner = id.value();
        return jdbc.queryOne("reading a webhook endpoint's secrets", SECRETS, statement -> statement.setString(1, owner), row -> {
            WebhookSecret current = WebhookSecret.parse(cipher.open(row.getBytes("secret"), secretData(owner)));
            byte[] previous = row.getBytes("previous_secret");
            Optional<Instant> until = Jdbc.getNullableLong(row, "previous_secret_until").map(Instant::ofEpochMilli);
            Optional<WebhookSecret> stillSigning = previous == null || until.isEmpty() || !now.isBefore(until.get())
                    ? Optional.empty()
                    : Optional.of(WebhookSecret.parse(cipher.open(previous, previousSecretData(owner))));
            return new SigningSecrets(current, stillSigning);
        });
    }

    @Override
    public boolean rotateSecret(EndpointId id, WebhookSecret next, Instant previousSignsUntil) {
        String owner = id.value();
        record Sealed(byte[] secret) { }
        Optional<Sealed> stored = jdbc.queryOne("reading a webhook endpoint's secret", SECRETS,
                statement -> statement.setString(1, owner), row -> new Sealed(row.getBytes("secret")));
        if (stored.isEmpty()) return false;
        String current = cipher.open(stored.get().secret(), secretData(owner));
        TokenCipher.Sealer sealer = cipher.sealer();
        return jdbc.update("rotating a webhook endpoint's secret", ROTATE, statement -> {
            statement.setBytes(1, sealer.seal(current, previousSecretData(owner)));
            statement.setLong(2, previousSignsUntil.toEpochMilli());
            statement.setBytes(3, sealer.seal(next.formatted(), secretData(owner)));
            statement.setString(4, sealer.keyId());
            statement.setString(5, owner);
            statement.setBytes(6, stored.get().secret());
        }) == 1;
    }

    @Override
    public void disable(EndpointId id, Instant at, String reason) {
        String shortReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbc.update("disabling a webhook endpoint", DISABLE, statement -> {
            statement.setLong(1, at.toEpochMilli());
            statement.setString(2, shortReason);
            statement.setString(3, id.value());
        });
    }

    @Override
    public boolean enable(EndpointId id) {
        return jdbc.update("enabling a webhook endpoint", ENABLE, statement -> statement.setString(1, id.value())) == 1;
    }

    @Override
    public String table() {
        return "webhook_endpoints";
    }

    @Override
    public Map<String, Integer> rowsByKey() {
        return jdbc.countsByKey("counting webhook endpoints by key", ROWS_BY_KEY);
    }

    @Override
    public int reencrypt(TokenCipher.Sealer sealer, int limit) {
        record Sealed(String id, byte[] secret, byte[] previous) { }
        List<Sealed> rows = jdbc.query("reading webhook secrets to re-encrypt", NOT_UNDER_KEY, statement -> {
            statement.setString(1, sealer.keyId());
            statement.setInt(2, limit);
        }, row -> new Sealed(row.getString(1), row.getBytes(2), row.getBytes(3)));
        int rewritten = 0;
        for (Sealed row : rows) {
            byte[] secret = sealer.seal(cipher.open(row.secret(), secretData(row.id())), secretData(row.id()));
            byte[] previous = row.previous() == null ? null
                    : sealer.seal(cipher.open(row.previous(), previousSecretData(row.id())), previousSecretData(row.id()));
            rewritten += jdbc.update("re-encrypting a webhook secret", REENCRYPT, statement -> {
                statement.setBytes(1, secret);
                Jdbc.setNullableBytes(statement, 2, previous);
                statement.setString(3, sealer.keyId());
                statement.setString(4, row.id());
                statement.setBytes(5, row.secret());
            });
        }
        return rewritten;
    }

    private static String typesColumn(Set<EventType> types) {
        if (types.isEmpty()) return ALL_TYPES;
        return " " + types.stream().map(EventType::wireName).sorted().collect(Collectors.joining(" ")) + " ";
    }

    private static Set<EventType> types(String column) {
        if (column.equals(ALL_TYPES)) return Set.of();
        return Arrays.stream(column.trim().split(" ")).map(name -> EventType.ofWireName(name).orElseThrow(
                () -> new IllegalStateException("unknown event type " + name + " in webhook_endpoints"))).collect(Collectors.toSet());
    }

    private static WebhookEndpoint endpoint(ResultSet row) throws SQLException {
        Optional<Instant> disabledAt = Jdbc.getNullableLong(row, "disabled_at").map(Instant::ofEpochMilli);
        String reason = row.getString("disabled_reason");
        return new WebhookEndpoint(new EndpointId(row.getString("endpoint_id")), URI.create(row.getString("url")),
                types(row.getString("event_types")), Instant.ofEpochMilli(row.getLong("created_at")),
                Jdbc.getNullableLong(row, "failing_since").map(Instant::ofEpochMilli),
                disabledAt.map(at -> new WebhookEndpoint.Disabled(at, reason == null ? "" : reason)));
    }

    private static AssociatedData secretData(String endpointId) {
        return new AssociatedData(SECRET_FIELD, endpointId);
    }

    private static AssociatedData previousSecretData(String endpointId) {
        return new AssociatedData(PREVIOUS_SECRET_FIELD, endpointId);
    }
}
