-- Schema 10 for PostgreSQL: mailboxes of a Workspace domain enrolled for reading through domain-wide delegation.
-- One row per person (Google's user id). No refresh token exists for delegation: the row keeps the access
-- token last minted for the mailbox, sealed like the credentials' tokens (AES-256-GCM, key_id names the key),
-- until it nears its end. Instants are epoch milliseconds (UTC).
CREATE TABLE enrolled_mailboxes (
    user_id                 VARCHAR(255) NOT NULL PRIMARY KEY CHECK (length(user_id) >= 1),
    email                   VARCHAR(320) NOT NULL UNIQUE CHECK (length(email) >= 3),
    enrolled_at             BIGINT       NOT NULL,
    access_token            BYTEA,
    access_token_expires_at BIGINT,
    key_id                  VARCHAR(16)  REFERENCES encryption_keys (key_id),
    CHECK ((access_token IS NULL) = (access_token_expires_at IS NULL)),
    CHECK ((access_token IS NULL) = (key_id IS NULL))
);
