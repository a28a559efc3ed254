-- Schema 10 for SQLite: mailboxes of a Workspace domain enrolled for reading through domain-wide delegation.
-- One row per person (Google's user id). No refresh token exists for delegation: the row keeps the access
-- token last minted for the mailbox, sealed like the credentials' tokens (AES-256-GCM, key_id names the key),
-- until it nears its end. Instants are epoch milliseconds (UTC).
CREATE TABLE enrolled_mailboxes (
    user_id                 TEXT    NOT NULL PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 255),
    email                   TEXT    NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 320),
    enrolled_at             INTEGER NOT NULL,
    access_token            BLOB,
    access_token_expires_at INTEGER,
    key_id                  TEXT    REFERENCES encryption_keys (key_id),
    CHECK ((access_token IS NULL) = (access_token_expires_at IS NULL)),
    CHECK ((access_token IS NULL) = (key_id IS NULL))
) STRICT;
