-- Schema 20 for PostgreSQL: the event outbox and webhook deliveries. Instants are epoch milliseconds (UTC).

-- Every event, written in the same transaction as the change it tells of. position orders all events;
-- sequence counts one account's events from 1 without gaps; body is the JSON sent, exactly, every time;
-- once_key, when set, makes an event one of a kind (a grant's access_ending).
CREATE TABLE events (
    position    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    VARCHAR(26)  NOT NULL UNIQUE CHECK (length(event_id) = 26),
    type        VARCHAR(64)  NOT NULL CHECK (length(type) >= 1),
    user_id     VARCHAR(255) NOT NULL CHECK (length(user_id) >= 1),
    sequence    BIGINT       NOT NULL CHECK (sequence >= 1),
    occurred_at BIGINT       NOT NULL,
    body        TEXT         NOT NULL,
    once_key    VARCHAR(300) UNIQUE,
    UNIQUE (user_id, sequence)
);
CREATE INDEX events_by_occurred_at ON events (occurred_at);

-- The last sequence number given to each account's events (0: none yet) (its row lock orders concurrent appends).
CREATE TABLE event_sequences (
    user_id       VARCHAR(255) NOT NULL PRIMARY KEY CHECK (length(user_id) >= 1),
    last_sequence BIGINT       NOT NULL CHECK (last_sequence >= 0)
);

-- Receivers of webhooks. event_types: '*' for all, else the dotted names between spaces (' a b ').
-- The secrets are sealed like tokens; the previous one signs too until previous_secret_until.
CREATE TABLE webhook_endpoints (
    endpoint_id           VARCHAR(19)   NOT NULL PRIMARY KEY CHECK (length(endpoint_id) = 19),
    url                   VARCHAR(2048) NOT NULL CHECK (length(url) >= 1),
    event_types           TEXT          NOT NULL,
    secret                BYTEA         NOT NULL,
    previous_secret       BYTEA,
    previous_secret_until BIGINT,
    key_id                VARCHAR(16)   NOT NULL REFERENCES encryption_keys (key_id),
    created_at            BIGINT        NOT NULL,
    failing_since         BIGINT,
    disabled_at           BIGINT,
    disabled_reason       VARCHAR(500)
);

-- One event queued for one endpoint. Per endpoint and account only the lowest pending sequence is due.
CREATE TABLE webhook_deliveries (
    delivery_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id     VARCHAR(19)  NOT NULL REFERENCES webhook_endpoints (endpoint_id) ON DELETE CASCADE,
    event_position  BIGINT       NOT NULL REFERENCES events (position),
    user_id         VARCHAR(255) NOT NULL,
    sequence        BIGINT       NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('pending', 'delivered')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at BIGINT       NOT NULL,
    lease_until     BIGINT,
    last_attempt_at BIGINT,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    delivered_at    BIGINT,
    UNIQUE (endpoint_id, event_position)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_queue ON webhook_deliveries (endpoint_id, user_id, state, sequence);
