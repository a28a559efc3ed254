-- Schema 20 for SQLite: the event outbox and webhook deliveries. Instants are epoch milliseconds (UTC).

-- Every event, written in the same transaction as the change it tells of. position orders all events;
-- sequence counts one account's events from 1 without gaps; body is the JSON sent, exactly, every time;
-- once_key, when set, makes an event one of a kind (a grant's access_ending).
CREATE TABLE events (
    position    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT    NOT NULL UNIQUE CHECK (length(event_id) = 26),
    type        TEXT    NOT NULL CHECK (length(type) BETWEEN 1 AND 64),
    user_id     TEXT    NOT NULL CHECK (length(user_id) BETWEEN 1 AND 255),
    sequence    INTEGER NOT NULL CHECK (sequence >= 1),
    occurred_at INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    once_key    TEXT    UNIQUE CHECK (length(once_key) <= 300),
    UNIQUE (user_id, sequence)
) STRICT;
CREATE INDEX events_by_occurred_at ON events (occurred_at);

-- The last sequence number given to each account's events (0: none yet).
CREATE TABLE event_sequences (
    user_id       TEXT    NOT NULL PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 255),
    last_sequence INTEGER NOT NULL CHECK (last_sequence >= 0)
) STRICT;

-- Receivers of webhooks. event_types: '*' for all, else the dotted names between spaces (' a b ').
-- The secrets are sealed like tokens; the previous one signs too until previous_secret_until.
CREATE TABLE webhook_endpoints (
    endpoint_id           TEXT    NOT NULL PRIMARY KEY CHECK (length(endpoint_id) = 19),
    url                   TEXT    NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    event_types           TEXT    NOT NULL,
    secret                BLOB    NOT NULL,
    previous_secret       BLOB,
    previous_secret_until INTEGER,
    key_id                TEXT    NOT NULL REFERENCES encryption_keys (key_id),
    created_at            INTEGER NOT NULL,
    failing_since         INTEGER,
    disabled_at           INTEGER,
    disabled_reason       TEXT    CHECK (length(disabled_reason) <= 500)
) STRICT;

-- One event queued for one endpoint. Per endpoint and account only the lowest pending sequence is due.
CREATE TABLE webhook_deliveries (
    delivery_id     INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    endpoint_id     TEXT    NOT NULL REFERENCES webhook_endpoints (endpoint_id) ON DELETE CASCADE,
    event_position  INTEGER NOT NULL REFERENCES events (position),
    user_id         TEXT    NOT NULL,
    sequence        INTEGER NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'delivered')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_attempt_at INTEGER,
    last_status     INTEGER,
    last_error      TEXT    CHECK (length(last_error) <= 500),
    delivered_at    INTEGER,
    UNIQUE (endpoint_id, event_position)
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_queue ON webhook_deliveries (endpoint_id, user_id, state, sequence);
