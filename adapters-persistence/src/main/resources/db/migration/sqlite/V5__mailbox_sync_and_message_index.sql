-- Schema 5 for SQLite: keeping every connected mailbox in sync (Gmail history, push watches) and the local
-- index of its messages. Instants are epoch milliseconds (UTC), as in schema 1.

-- One row per synced Google account. checkpoint is Gmail's historyId (an unsigned 64-bit number, kept in
-- its decimal form); the backfill columns are NULL once the newest messages were taken; whole_mailbox is 1
-- once the backfill reached the mailbox's oldest message (the index then holds every message).
CREATE TABLE sync_states (
    user_id              TEXT    NOT NULL PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 255),
    email                TEXT    NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    status               TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'STOPPED')),
    checkpoint           TEXT    NOT NULL CHECK (length(checkpoint) BETWEEN 1 AND 20),
    backfill_next_page   TEXT    CHECK (length(backfill_next_page) <= 512),
    backfill_taken       INTEGER,
    backfill_wanted      INTEGER,
    whole_mailbox        INTEGER NOT NULL DEFAULT 0 CHECK (whole_mailbox IN (0, 1)),
    started_at           INTEGER NOT NULL,
    watch_expires_at     INTEGER,
    last_notification_at INTEGER,
    pending_since        INTEGER,
    last_synced_at       INTEGER,
    lag_millis           INTEGER,
    gaps_filled          INTEGER NOT NULL DEFAULT 0,
    last_gap             TEXT    CHECK (length(last_gap) <= 200),
    repairs              INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX sync_states_by_email ON sync_states (lower(email));

-- The index: one row per synced message. Subject, sender and snippet are mail content, sealed like the
-- tokens (AES-256-GCM, bound to the row) under key_id; labels are space-delimited label ids.
CREATE TABLE synced_messages (
    user_id    TEXT    NOT NULL CHECK (length(user_id) BETWEEN 1 AND 255),
    message_id TEXT    NOT NULL CHECK (length(message_id) BETWEEN 1 AND 128),
    thread_id  TEXT    NOT NULL CHECK (length(thread_id) BETWEEN 1 AND 128),
    sent_at    INTEGER NOT NULL,
    subject    BLOB    NOT NULL,
    sender     BLOB    NOT NULL,
    snippet    BLOB    NOT NULL,
    labels     TEXT    NOT NULL,
    hidden     INTEGER NOT NULL CHECK (hidden IN (0, 1)),
    key_id     TEXT    NOT NULL REFERENCES encryption_keys (key_id),
    PRIMARY KEY (user_id, message_id)
) STRICT;
CREATE INDEX synced_messages_newest_first ON synced_messages (user_id, sent_at DESC, message_id DESC);
CREATE INDEX synced_messages_by_key ON synced_messages (key_id);

-- Which message carries which label, with its date, so that a label view pages newest first on an index.
CREATE TABLE synced_message_labels (
    user_id    TEXT    NOT NULL,
    label_id   TEXT    NOT NULL CHECK (length(label_id) BETWEEN 1 AND 128),
    sent_at    INTEGER NOT NULL,
    message_id TEXT    NOT NULL,
    PRIMARY KEY (user_id, label_id, sent_at, message_id),
    FOREIGN KEY (user_id, message_id) REFERENCES synced_messages (user_id, message_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX synced_message_labels_by_message ON synced_message_labels (user_id, message_id);
