package dev.gmailserverauth.persistence.events;

import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.webhook.EndpointId;
import dev.gmailserverauth.domain.webhook.WebhookDeliveries;
import dev.gmailserverauth.domain.webhook.WebhookDelivery;
import dev.gmailserverauth.persistence.store.Jdbc;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link WebhookDeliveries} on JDBC, the same SQL for SQLite and PostgreSQL. A delivery is claimed with a lease (a
 * compare-and-set on {@code lease_until}), so instances sharing the database never send one at the same time; an
 * instance that dies mid-attempt leaves a lease that simply runs out, and the delivery is tried again.
 */
public final class JdbcWebhookDeliveries implements WebhookDeliveries {
    private static final String SELECT = "SELECT d.delivery_id, d.endpoint_id, ep.url, d.state, d.attempts, d.next_attempt_at,"
            + " d.last_status, d.last_error, d.delivered_at, " + JdbcEventOutbox.COLUMNS
            + " FROM webhook_deliveries d JOIN events e ON e.position = d.event_position"
            + " JOIN webhook_endpoints ep ON ep.endpoint_id = d.endpoint_id";
    private static final String DUE = SELECT + """
             WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
              AND ep.disabled_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = d.endpoint_id AND o.user_id = d.user_id
                              AND o.state = 'pending' AND o.sequence < d.sequence)
            ORDER BY d.next_attempt_at, d.delivery_id LIMIT ?""";
    private static final String CLAIM = """
            UPDATE webhook_deliveries SET lease_until = ?
            WHERE delivery_id = ? AND state = 'pending' AND (lease_until IS NULL OR lease_until <= ?)""";
    private static final String SUCCEEDED = """
            UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
                   last_error = NULL, delivered_at = ?, lease_until = NULL
            WHERE delivery_id = ?""";
    private static final String FAILED = """
            UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?, next_attempt_at = ?,
                   lease_until = NULL
            WHERE delivery_id = ?""";
    private static final String ENDPOINT_HEALTHY = """
            UPDATE webhook_endpoints SET failing_since = NULL
            WHERE endpoint_id = (SELECT endpoint_id FROM webhook_deliveries WHERE delivery_id = ?)""";
    private static final String ENDPOINT_FAILING = """
            UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?)
            WHERE endpoint_id = (SELECT endpoint_id FROM webhook_deliveries WHERE delivery_id = ?)""";
    private static final String FAILING_SINCE = """
            SELECT ep.failing_since FROM webhook_endpoints ep JOIN webhook_deliveries d ON d.endpoint_id = ep.endpoint_id
            WHERE d.delivery_id = ?""";
    private static final String LATEST = SELECT + """
             WHERE ? = 0 OR (d.state = 'pending' AND d.attempts > 0)
            ORDER BY d.delivery_id DESC LIMIT ?""";
    private static final String REQUEUE = """
            INSERT INTO webhook_deliveries (endpoint_id, event_position, user_id, sequence, state, attempts, next_attempt_at)
            SELECT ep.endpoint_id, e.position, e.user_id, e.sequence, 'pending', 0, ?
            FROM webhook_endpoints ep JOIN events e ON (ep.event_types = '*' OR ep.event_types LIKE '%% ' || e.type || ' %%')
            WHERE %s
            ON CONFLICT (endpoint_id, event_position) DO UPDATE SET state = 'pending', attempts = 0,
                next_attempt_at = excluded.next_attempt_at, lease_until = NULL, last_status = NULL, last_error = NULL,
                delivered_at = NULL""";

    private final Jdbc jdbc;

    public JdbcWebhookDeliveries(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Duration lease, int limit) {
        long at = now.toEpochMilli();
        List<WebhookDelivery> due = jdbc.query("finding due webhook deliveries", DUE, statement -> {
            statement.setLong(1, at);
            statement.setLong(2, at);
            statement.setInt(3, limit);
        }, JdbcWebhookDeliveries::delivery);
        return due.stream().filter(delivery -> jdbc.update("claiming a webhook delivery", CLAIM, statement -> {
            statement.setLong(1, now.plus(lease).toEpochMilli());
            statement.setLong(2, delivery.id());
            statement.setLong(3, at);
        }) == 1).toList();
    }

    @Override
    public void succeeded(long deliveryId, Instant at, int status) {
        jdbc.inSharedTransaction("recording a webhook delivery", () -> {
            jdbc.update("recording a webhook delivery", SUCCEEDED, statement -> {
                statement.setLong(1, at.toEpochMilli());
                statement.setInt(2, status);
                statement.setLong(3, at.toEpochMilli());
                statement.setLong(4, deliveryId);
            });
            return jdbc.update("recording a webhook endpoint's health", ENDPOINT_HEALTHY, statement -> statement.setLong(1, deliveryId));
        });
    }

    @Override
    public Instant failed(long deliveryId, Instant at, String error, Instant retryAt) {
        String shortError = error.length() > 500 ? error.substring(0, 500) : error;
        return jdbc.inSharedTransaction("recording a failed webhook delivery", () -> {
            jdbc.update("recording a failed webhook delivery", FAILED, statement -> {
                statement.setLong(1, at.toEpochMilli());
                statement.setString(2, shortError);
                statement.setLong(3, retryAt.toEpochMilli());
                statement.setLong(4, deliveryId);
            });
            jdbc.update("recording a webhook endpoint's failure", ENDPOINT_FAILING, statement -> {
                statement.setLong(1, at.toEpochMilli());
                statement.setLong(2, deliveryId);
            });
            return jdbc.queryOne("reading a webhook endpoint's failure", FAILING_SINCE, statement -> statement.setLong(1, deliveryId),
                    row -> Jdbc.getNullableLong(row, "failing_since").map(Instant::ofEpochMilli)).flatMap(since -> since).orElse(at);
        });
    }

    @Override
    public List<WebhookDelivery> latest(boolean failingOnly, int limit) {
        return jdbc.query("listing webhook deliveries", LATEST, statement -> {
            statement.setInt(1, failingOnly ? 1 : 0);
            statement.setInt(2, limit);
        }, JdbcWebhookDeliveries::delivery);
    }

    @Override
    public int replay(EventId event, Instant now) {
        return jdbc.update("queueing an event again", REQUEUE.formatted("e.event_id = ?"), statement -> {
            statement.setLong(1, now.toEpochMilli());
            statement.setString(2, event.value());
        });
    }

    @Override
    public int replaySince(Instant since, Instant now) {
        return jdbc.update("queueing events again", REQUEUE.formatted("e.occurred_at >= ?"), statement -> {
            statement.setLong(1, now.toEpochMilli());
            statement.setLong(2, since.toEpochMilli());
        });
    }

    private static WebhookDelivery delivery(ResultSet row) throws SQLException {
        int status = row.getInt("last_status");
        Optional<Integer> lastStatus = row.wasNull() ? Optional.empty() : Optional.of(status);
        return new WebhookDelivery(row.getLong("delivery_id"), new EndpointId(row.getString("endpoint_id")), URI.create(row.getString("url")),
                JdbcEventOutbox.event(row), WebhookDelivery.State.valueOf(row.getString("state").toUpperCase(java.util.Locale.ROOT)),
                row.getInt("attempts"), Instant.ofEpochMilli(row.getLong("next_attempt_at")), lastStatus,
                Optional.ofNullable(row.getString("last_error")), Jdbc.getNullableLong(row, "delivered_at").map(Instant::ofEpochMilli));
    }
}
