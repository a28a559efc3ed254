-- Schema 5 for PostgreSQL: keeping every connected mailbox in sync (Gmail history, push watches) and the
-- local index of its messages. Instants are epoch milliseconds (UTC), as in schema 1.

-- One row per synced Google account. checkpoint is Gmail's historyId (an unsigned 64-bit number, kept in
-- its decimal form); the backfill columns are NULL once the newest messages were taken; whole_mailbox is 1
-- once the backfill reached the mailbox's oldest message (the index then holds every message).
CREATE TABLE sync_states (
    user_id              VARCHAR(255) NOT NULL PRIMARY KEY CHECK (length(user_id) >= 1),
    email                VARCHAR(320) NOT NULL CHECK (length(email) >= 3),
    status               VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'STOPPED')),
    checkpoint           VARCHAR(20)  NOT NULL CHECK (length(checkpoint) >= 1),
    backfill_next_page   VARCHAR(512),
    backfill_taken       INTEGER,
    backfill_wanted      INTEGER,
    whole_mailbox        SMALLINT     NOT NULL DEFAULT 0 CHECK (whole_mailbox IN (0, 1)),
    started_at           BIGINT       NOT NULL,
    watch_expires_at     BIGINT,
    last_notification_at BIGINT,
    pending_since        BIGINT,
    last_synced_at       BIGINT,
    lag_millis           BIGINT,
    gaps_filled          INTEGER      NOT NULL DEFAULT 0,
    last_gap             VARCHAR(200),
    repairs              INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX sync_states_by_email ON sync_states (lower(email));

-- The index: one row per synced message. Subject, sender and snippet are mail content, sealed like the
-- tokens (AES-256-GCM, bound to the row) under key_id; labels are space-delimited label ids.
CREATE TABLE synced_messages (
    user_id    VARCHAR(255) NOT NULL CHECK (length(user_id) >= 1),
    message_id VARCHAR(128) NOT NULL CHECK (length(message_id) >= 1),
    thread_id  VARCHAR(128) NOT NULL CHECK (length(thread_id) >= 1),
    sent_at    BIGINT       NOT NULL,
    subject    BYTEA        NOT NULL,
    sender     BYTEA        NOT NULL,
    snippet    BYTEA        NOT NULL,
    labels     TEXT         NOT NULL,
    hidden     SMALLINT     NOT NULL CHECK (hidden IN (0, 1)),
    key_id     VARCHAR(16)  NOT NULL REFERENCES encryption_keys (key_id),
    PRIMARY KEY (user_id, message_id)
);
CREATE INDEX synced_messages_newest_first ON synced_messages (user_id, sent_at DESC, message_id DESC);
CREATE INDEX synced_messages_by_key ON synced_messages (key_id);

-- Which message carries which label, with its date, so that a label view pages newest first on an index.
CREATE TABLE synced_message_labels (
    user_id    VARCHAR(255) NOT NULL,
    label_id   VARCHAR(128) NOT NULL CHECK (length(label_id) >= 1),
    sent_at    BIGINT       NOT NULL,
    message_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (user_id, label_id, sent_at, message_id),
    FOREIGN KEY (user_id, message_id) REFERENCES synced_messages (user_id, message_id) ON DELETE CASCADE
);
CREATE INDEX synced_message_labels_by_message ON synced_message_labels (user_id, message_id);
